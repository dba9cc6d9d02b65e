namespace BufferLab.Simulator.Engine.Telemetry.Fuse;

/// <summary>ReadOp returned an error (a short or malformed message, or EINVAL): upstream ServeOps would panic; the simulator records it and goes on.</summary>
public sealed record DaemonReadFailed(string Error) : SimEvent, IMarksTimeline
{
    (TimelineMarkKind Kind, string Label)? IMarksTimeline.Mark => (TimelineMarkKind.RequestFailed, $"ReadOp: {Error}");
}
