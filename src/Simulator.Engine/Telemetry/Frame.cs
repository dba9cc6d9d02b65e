namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>
/// What a viewer receives after a step: where the run is, the events since the previous frame
/// (at most a bounded number; <see cref="EventsOmitted"/> counts the rest), the system's
/// snapshot, its one-line summary (e.g. Stratum's `9a3456bc BACK MODE; ...`, what a terminal client
/// prints) and its metrics.
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
    string Summary,
    IReadOnlyList<MetricValue> Metrics,
    long SentAtUnixMs);
