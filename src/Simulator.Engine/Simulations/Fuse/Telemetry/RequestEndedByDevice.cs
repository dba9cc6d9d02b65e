using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>
/// The device ended a request at the daemon's read because the read buffer was smaller than the
/// request (fuse_dev_do_read: -EIO, and the read goes on to the next request); the daemon never saw it.
/// </summary>
public sealed record RequestEndedByDevice(ulong Unique, string Opcode, int RequestBytes, int BufferBytes, int Error) : SimEvent, IMarksTimeline
{
    (TimelineMarkKind Kind, string Label)? IMarksTimeline.Mark =>
        (TimelineMarkKind.RequestFailed, $"{Opcode} #{Unique}: {RequestBytes} bytes, the daemon's read buffer holds {BufferBytes}: error {Error} (EIO)");
}
