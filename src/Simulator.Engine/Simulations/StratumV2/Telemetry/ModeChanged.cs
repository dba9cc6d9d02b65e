using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>The pool changed mode along an edge of the state machine (spec section 1.5).</summary>
public sealed record ModeChanged(PoolMode From, PoolMode To, int Edge, string Cause) : SimEvent, IMarksTimeline
{
    (TimelineMarkKind Kind, string Label)? IMarksTimeline.Mark => (TimelineMarkKind.ModeChanged, $"{From} → {To}");
}
