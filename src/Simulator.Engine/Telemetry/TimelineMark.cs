namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>A step worth a mark on the timeline: where the mode changed, a request failed, an invariant broke or a fault struck.</summary>
public sealed record TimelineMark(int Step, long TimeMicros, TimelineMarkKind Kind, string Label);
