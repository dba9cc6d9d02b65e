namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>
/// Virtual time as the engine reports it outside the clock (event logs, frames, snapshots,
/// reports): whole microseconds since the run began. Every conversion between the clock's
/// <see cref="TimeSpan"/> and microseconds is here.
/// </summary>
public static class VirtualTime
{
    /// <summary>Whole microseconds in <paramref name="time"/> (rounded toward zero).</summary>
    public static long Micros(TimeSpan time) => time.Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>The time <paramref name="micros"/> microseconds long, to the nearest tick.</summary>
    public static TimeSpan FromMicros(double micros) => TimeSpan.FromTicks((long)Math.Round(micros * TimeSpan.TicksPerMicrosecond));
}
