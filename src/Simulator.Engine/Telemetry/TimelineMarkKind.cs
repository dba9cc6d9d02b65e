namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>What a timeline mark stands for.</summary>
public enum TimelineMarkKind
{
    ModeChanged,
    RequestFailed,
    InvariantBroken,
    Fault,
}
