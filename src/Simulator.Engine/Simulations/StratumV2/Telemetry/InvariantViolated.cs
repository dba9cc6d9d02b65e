using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>A safety property broke: two live slices share an index or bytes, a slice's bytes changed, or the pool panicked.</summary>
public sealed record InvariantViolated(InvariantKind Kind, string Detail, IReadOnlyList<int> SliceIds) : SimEvent, IMarksTimeline
{
    (TimelineMarkKind Kind, string Label)? IMarksTimeline.Mark => (TimelineMarkKind.InvariantBroken, $"{Kind}: {Detail}");
}
