namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>
/// Virtual time for a simulated run: it moves only when the <see cref="Scheduler"/> advances it,
/// so a run never reads the wall clock.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    /// <summary>The instant every run starts at.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Time since the start of the run.</summary>
    public TimeSpan Elapsed { get; private set; }

    public override DateTimeOffset GetUtcNow() => Epoch + Elapsed;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Elapsed.Ticks;

    /// <summary>Timers would fire on real threads; simulated work waits through the scheduler instead.</summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("Simulated code waits by yielding a delay to the Scheduler, not with timers.");

    internal void AdvanceTo(TimeSpan instant)
    {
        if (instant < Elapsed)
        {
            throw new InvalidOperationException($"Virtual time cannot go back from {Elapsed} to {instant}.");
        }

        Elapsed = instant;
    }
}
