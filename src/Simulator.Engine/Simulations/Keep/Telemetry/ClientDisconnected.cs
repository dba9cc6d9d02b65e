using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>The client went away (its request context ended).</summary>
public sealed record ClientDisconnected(int Request) : SimEvent, IMarksTimeline
{
    (TimelineMarkKind Kind, string Label)? IMarksTimeline.Mark => (TimelineMarkKind.Fault, $"request {Request}: client gone");
}
