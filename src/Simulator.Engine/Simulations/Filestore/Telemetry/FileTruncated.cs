using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;

/// <summary>The file was cut to a new length while references to its later bytes remain.</summary>
public sealed record FileTruncated(long Length) : SimEvent, IMarksTimeline
{
    (TimelineMarkKind Kind, string Label)? IMarksTimeline.Mark => (TimelineMarkKind.Fault, $"file cut to {Length} bytes");
}
