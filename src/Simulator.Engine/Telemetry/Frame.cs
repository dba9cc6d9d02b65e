namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>
/// What a viewer receives after a step: where the run is, the events since the previous frame
/// (at most a bounded number; <see cref="EventsOmitted"/> counts the rest), the system's
/// snapshot and its metrics.
/// </summary>
public sealed record Frame(
    string RunId,
    int Step,
    int LastStep,
    long VirtualTimeMicros,
    bool Playing,
    bool Finished,
    IReadOnlyList<FrameEvent> Events,
    int EventsOmitted,
    object Snapshot,
    IReadOnlyList<MetricValue> Metrics,
    long SentAtUnixMs);
