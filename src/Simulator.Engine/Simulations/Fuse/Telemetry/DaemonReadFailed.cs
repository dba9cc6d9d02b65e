using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>ReadOp returned an error (a short or malformed message, or EINVAL): upstream ServeOps would panic; the simulator records it and goes on.</summary>
public sealed record DaemonReadFailed(string Error) : SimEvent, IMarksTimeline
{
    (TimelineMarkKind Kind, string Label)? IMarksTimeline.Mark => (TimelineMarkKind.RequestFailed, $"ReadOp: {Error}");
}
