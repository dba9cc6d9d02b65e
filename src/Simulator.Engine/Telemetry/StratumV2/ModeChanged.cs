using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Telemetry.StratumV2;

/// <summary>The pool changed mode along an edge of the state machine (spec section 1.5).</summary>
public sealed record ModeChanged(PoolMode From, PoolMode To, int Edge, string Cause) : SimEvent, IMarksTimeline
{
    (TimelineMarkKind Kind, string Label)? IMarksTimeline.Mark => (TimelineMarkKind.ModeChanged, $"{From} → {To}");
}
