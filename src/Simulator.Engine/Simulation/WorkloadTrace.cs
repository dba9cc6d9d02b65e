namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>A recorded trace to replay instead of drawing the workload: the same ops at their recorded times × <see cref="TimeScale"/> (or when their actor is free).</summary>
public sealed record WorkloadTrace(IReadOnlyList<TraceEntry> Entries, double TimeScale = 1)
{
    public const int MaxEntries = 1_000_000;

    /// <summary><paramref name="at"/> on the replay's clock.</summary>
    public TimeSpan Scaled(TimeSpan at) => TimeSpan.FromTicks((long)Math.Round(at.Ticks * TimeScale));
}
