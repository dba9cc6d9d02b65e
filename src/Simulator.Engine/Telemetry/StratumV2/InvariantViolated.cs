using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Telemetry.StratumV2;

/// <summary>A safety property broke: two live slices share an index or bytes, a slice's bytes changed, or the pool panicked.</summary>
public sealed record InvariantViolated(InvariantKind Kind, string Detail, IReadOnlyList<int> SliceIds) : SimEvent, IMarksTimeline
{
    (TimelineMarkKind Kind, string Label)? IMarksTimeline.Mark => (TimelineMarkKind.InvariantBroken, $"{Kind}: {Detail}");
}
