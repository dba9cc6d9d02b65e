using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>The kernel read a reply and checked it: length, error code, and the bytes against what the file holds.</summary>
public sealed record ReplyChecked(ulong Unique, string Opcode, int Bytes, int Error, string? Problem) : SimEvent, IMarksTimeline
{
    (TimelineMarkKind Kind, string Label)? IMarksTimeline.Mark =>
        Error != 0 || Problem is not null ? (TimelineMarkKind.RequestFailed, $"{Opcode} #{Unique}: {Problem ?? $"error {Error}"}") : null;
}
