using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Tests.Fuse;

/// <summary>
/// Garbage collections of the daemon's Go heap (runtime/mgcpacer.go, GOGC=100) and what they do to
/// PR #198's overflow sync.Pool (src/sync/pool.go poolCleanup: victims dropped, primaries made victims).
/// </summary>
public class GarbageCollectionTests
{
    [Fact]
    public void ACycleStartsWhenTheHeapReachesTwiceWhatWasLiveWithAFourMiBMinimum()
    {
        var pacer = new GoGcPacer(1 << 20);
        Assert.Equal(4L << 20, pacer.HeapGoal); // 2 × 1 MiB is below heapminimum
        Assert.False(pacer.Due((3L << 20) - 1));
        Assert.True(pacer.Due(3L << 20));

        pacer.Collected(3L << 20, 10L << 20);
        Assert.Equal((1, 20L << 20), (pacer.Cycles, pacer.HeapGoal));
        Assert.False(pacer.Due((13L << 20) - 1)); // 10 MiB more must be allocated
        Assert.True(pacer.Due(13L << 20));
    }

    [Fact]
    public void TheOverflowKeepsItsBlocksThroughOneCollectionAndLosesThemAtTheSecond()
    {
        var pool = new BlockPool("BlockPool1MPlusPage", 16, 1);
        byte[] kept = new byte[16], first = new byte[16], second = new byte[16];
        pool.Put(kept);
        pool.Put(first);
        pool.Put(second);

        Assert.Equal(0, pool.CollectGarbage());
        Assert.Equal((2, 2), (pool.OverflowCount, pool.VictimCount));
        Assert.Same(kept, pool.Get());
        Assert.Same(second, pool.Get()); // Get falls back to the victim cache
        Assert.Equal(1, pool.CollectGarbage()); // the victim left is dropped
        Assert.Equal((0, 1), (pool.OverflowCount, pool.Dropped));
        _ = pool.Get();
        Assert.Equal(1, pool.FreshAllocations);
    }

    private static FuseScenario Bursts(bool quietPhaseBetween)
    {
        FusePhase burst = new() { Ops = [.. Enumerable.Range(0, 16).Select(i => new FuseIoOp(true, i % 2 * (2 << 20), 2 << 20))], QueueDepth = 16 };
        FusePhase quiet = new() { Ops = [.. Enumerable.Range(0, 60).Select(_ => new FuseIoOp(true, 0, 2 << 20))], QueueDepth = 1 };
        return new FuseScenario
        {
            Name = "gc", Title = "gc", Description = "gc", Mode = FuseMode.ContiguousLarge, MaxMessageSize = 2 << 20, MaxPagesLimit = 512, FileBytes = 4 << 20,
            Phases = quietPhaseBetween ? [burst, quiet, burst] : [burst, burst],
        };
    }

    [Fact]
    public void BlocksLeftInTheOverflowAcrossTwoCollectionsAreDroppedAndAllocatedAgain()
    {
        // 16 WRITEs in flight hold 16 block-0s; back in the pool, 8 fit BlockPool1MPlusPage's list and 8 overflow.
        // The quiet phase copies 2 MiB per WRITE (ConsumeBytes), so collections run: the first makes the 8 victims,
        // the second drops them, and the next burst allocates 8 block-0s again.
        using var run = new Run(Bursts(quietPhaseBetween: true), 1);
        run.RunToEnd();
        var model = (FuseModel)run.Model;
        GarbageCollected[] cycles = [.. run.Events.Events.Select(e => e.Event).OfType<GarbageCollected>()];

        Assert.Equal(0, model.Errors);
        Assert.Equal(8, cycles.Sum(c => c.Dropped1MPlusPage));
        Assert.Contains(cycles, c => c.Victims1MPlusPage == 8 && c.Dropped1MPlusPage == 0);
        Assert.Equal(16 + 8, model.Daemon.Pools.OneMiBPlusPage.FreshAllocations);
        Assert.Equal(cycles.Length, (int)model.ReportMetrics()["gcCycles"]);

        using var control = new Run(Bursts(quietPhaseBetween: false), 1);
        control.RunToEnd();
        Assert.Equal(16, ((FuseModel)control.Model).Daemon.Pools.OneMiBPlusPage.FreshAllocations); // no collection in between: the overflow serves the second burst
    }

    [Fact]
    public void CollectionsAreTheSameEveryRun()
    {
        string[] Cycles()
        {
            using var run = new Run(Bursts(quietPhaseBetween: true), 3);
            run.RunToEnd();
            return [.. run.Events.Events.Select(e => e.Event).OfType<GarbageCollected>().Select(c => c.ToString())];
        }

        Assert.Equal(Cycles(), Cycles());
    }
}
