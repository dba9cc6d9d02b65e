using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Tests.Simulation;

public class SchedulerTests
{
    private static IEnumerable<TimeSpan> Actor(List<string> trace, string name, params int[] delaysMicros)
    {
        foreach (int delay in delaysMicros)
        {
            trace.Add(name);
            yield return TimeSpan.FromMicroseconds(delay);
        }
    }

    private static List<string> RunAll(ulong seed)
    {
        var clock = new VirtualClock();
        var scheduler = new Scheduler(clock, new SeededRandom(seed));
        var trace = new List<string>();
        foreach (string name in new[] { "a", "b", "c", "d" })
        {
            scheduler.Spawn(name, Actor(trace, name, 0, 0, 0));
        }

        while (scheduler.StepOnce())
        {
        }

        return trace;
    }

    [Fact]
    public void RunsActorsInVirtualTimeOrder()
    {
        var clock = new VirtualClock();
        var scheduler = new Scheduler(clock, new SeededRandom(1));
        var trace = new List<string>();
        scheduler.Spawn("slow", Actor(trace, "slow", 10), TimeSpan.FromMicroseconds(5));
        scheduler.Spawn("fast", Actor(trace, "fast", 1, 1));

        var times = new List<TimeSpan>();
        while (scheduler.StepOnce())
        {
            times.Add(clock.Elapsed);
        }

        Assert.Equal(["fast", "fast", "slow"], trace);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMicroseconds(1), TimeSpan.FromMicroseconds(5)], times);
    }

    [Fact]
    public void TiesAreBrokenBySeedReproducibly()
    {
        Assert.Equal(RunAll(3), RunAll(3));
        Assert.Contains(Enumerable.Range(4, 20), seed => !RunAll((ulong)seed).SequenceEqual(RunAll(3)));
    }

    [Fact]
    public void ForkedStreamsAreStableAndIndependent()
    {
        var root = new SeededRandom(42);
        ulong a = root.Fork("sizes").NextUInt64();
        Assert.Equal(a, new SeededRandom(42).Fork("sizes").NextUInt64());
        Assert.NotEqual(a, new SeededRandom(42).Fork("timing").NextUInt64());
        Assert.Equal(0xcbf29ce484222325UL, StableHash.Of(""));   // FNV-1a 64 test vectors
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableHash.Of("a"));
    }

    [Fact]
    public void VirtualClockRefusesTimers()
    {
        Assert.Throws<NotSupportedException>(() => new VirtualClock().CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.Zero));
    }
}
