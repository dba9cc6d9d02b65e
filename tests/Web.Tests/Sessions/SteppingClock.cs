namespace BufferLab.Simulator.Web.Tests.Sessions;

/// <summary>
/// A clock for the engine executor's tests: one tick is a millisecond, and every reading moves it
/// on by <paramref name="ticksPerRead"/> (0: only <see cref="Advance"/> moves it), so a turn's
/// slice is a count of readings, not time. <see cref="OnRead"/> runs inside a reading, i.e. in the
/// middle of a turn.
/// </summary>
internal sealed class SteppingClock(long ticksPerRead = 1) : TimeProvider
{
    private long _now = 1_000;

    public Action? OnRead { get; set; }

    public override long TimestampFrequency => 1_000;

    public override long GetTimestamp()
    {
        OnRead?.Invoke();
        return Interlocked.Add(ref _now, ticksPerRead);
    }

    public void Advance(TimeSpan by) => Interlocked.Add(ref _now, (long)by.TotalMilliseconds);
}
