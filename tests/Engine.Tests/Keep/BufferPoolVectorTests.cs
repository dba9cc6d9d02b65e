using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>K1-K5: services/keepstore/bufferpool.go and its tests.</summary>
public class BufferPoolVectorTests
{
    [Fact]
    public void K1_AReusedBufferHasTheFullBlockSize()
    {
        var pool = new KeepBufferPool(2, 10);
        byte[] b1 = pool.TryGet()!;
        _ = pool.TryGet()!;
        pool.Put(b1);
        byte[] b3 = pool.TryGet()!;

        Assert.Equal(10, b3.Length);
    }

    [Theory]
    [InlineData(3, "Get")] // K2: under the limit, Get does not wait for the Put
    [InlineData(2, "Put")] // K3: at the limit, Get is blocked until the Put
    public void K2_K3_GetBlocksOnlyAtTheLimit(int count, string first)
    {
        var clock = new VirtualClock();
        var scheduler = new Scheduler(clock, new SeededRandom(1));
        var pool = new KeepBufferPool(count, 10);
        byte[] held = pool.TryGet()!;
        _ = pool.TryGet()!;
        var signals = new List<string>();
        ActorHandle getter = null!;
        pool.Granted = _ => scheduler.Wake(getter);
        getter = scheduler.Spawn("G", Getter());
        scheduler.Spawn("P", Putter());
        while (scheduler.StepOnce())
        {
        }

        Assert.Equal([first, first == "Get" ? "Put" : "Get"], signals);

        IEnumerable<TimeSpan> Getter()
        {
            if (pool.TryGet() is null)
            {
                BufferWait wait = pool.Wait("G", clock.Elapsed);
                while (wait.Buffer is null)
                {
                    yield return Scheduler.Park;
                }
            }

            yield return TimeSpan.FromMilliseconds(1);
            signals.Add("Get");
        }

        IEnumerable<TimeSpan> Putter()
        {
            yield return TimeSpan.FromMilliseconds(10);
            pool.Put(held);
            signals.Add("Put");
        }
    }

    [Fact]
    public void K4_PutThenGetReusesTheSameBufferAtLeast95PercentOfTheTime()
    {
        var pool = new KeepBufferPool(2, 10);
        byte[] last = pool.TryGet()!;
        int reused = 0;
        for (int i = 0; i < 1000; i++)
        {
            pool.Put(last);
            byte[] next = pool.TryGet()!;
            reused += ReferenceEquals(next, last) ? 1 : 0;
            last = next;
        }

        Assert.True(reused >= 950, $"reused {reused} of 1000");
        Assert.Equal(10, pool.AllocatedBytes);
    }

    [Fact]
    public void K5_AnAbandonedGetContextPutsTheLateBufferStraightBack()
    {
        var pool = new KeepBufferPool(1, 10);
        var granted = new List<BufferWait>();
        pool.Granted = granted.Add;
        byte[] held = pool.TryGet()!;
        BufferWait wait = pool.Wait("request", TimeSpan.Zero);
        var inUse = new List<int> { pool.InUse };

        pool.Abandon(wait); // ctx cancelled: GetContext returns ctx.Err()
        inUse.Add(pool.InUse);
        pool.Put(held); // the orphaned Get takes the token, and its goroutine puts the buffer back
        inUse.Add(pool.InUse);

        Assert.Equal([1, 1, 0], inUse);
        Assert.Empty(granted);
        Assert.Null(wait.Buffer);
        Assert.Equal(0, pool.Waiting);
        Assert.Equal(1, pool.Idle);
    }

    [Fact]
    public void MaxBuffersMustBeAboveZero()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KeepBufferPool(0, 10));
        Assert.Contains("must be greater than zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitersAreServedFirstInFirstOut()
    {
        var pool = new KeepBufferPool(1, 10);
        var order = new List<object>();
        pool.Granted = w => order.Add(w.Owner);
        byte[] held = pool.TryGet()!;
        BufferWait a = pool.Wait("a", TimeSpan.Zero);
        BufferWait b = pool.Wait("b", TimeSpan.Zero);
        pool.Put(held);
        pool.Put(a.Buffer!);

        Assert.Equal(["a", "b"], order);
        Assert.NotNull(b.Buffer);
    }

    [Fact]
    public void GarbageCollectionDropsIdleBuffersAfterTwoCyclesButAllocatedBytesNeverFall()
    {
        var pool = new KeepBufferPool(4, 10);
        byte[] a = pool.TryGet()!, b = pool.TryGet()!;
        pool.Put(a);
        pool.Put(b);

        Assert.Empty(pool.CollectGarbage()); // first GC: pooled become victims
        Assert.Equal(2, pool.Idle);
        Assert.Equal(2, pool.CollectGarbage().Count); // second GC: victims dropped
        Assert.Equal(0, pool.Idle);
        Assert.Equal(20, pool.AllocatedBytes);
        _ = pool.TryGet();
        Assert.Equal(30, pool.AllocatedBytes);
    }

    [Fact]
    public void WithGo18sSyncPoolOneCollectionDropsEveryIdleBufferAndThereIsNoVictimCache()
    {
        // Go 1.8 src/sync/pool.go poolCleanup: every Pool's private and shared objects set to nil at each GC (no victim, added in Go 1.13)
        var pool = new KeepBufferPool(4, 10, gc: SyncPoolGc.DropAll);
        byte[] a = pool.TryGet()!, b = pool.TryGet()!;
        pool.Put(a);
        pool.Put(b);

        Assert.Equal(2, pool.CollectGarbage().Count);
        Assert.Equal(0, pool.Idle);
        Assert.Empty(pool.Victims);
        _ = pool.TryGet();
        Assert.Equal(30, pool.AllocatedBytes);
    }

    [Fact]
    public void TheLegacyServerRunsOnGo18sPoolAndTodaysOnTheVictimCache()
    {
        // the 2017 keepstore (0f644e242e) was built with Go 1.8; today's with a Go 1.13+ release
        Assert.Equal(SyncPoolGc.DropAll, new KeepHarness(KeepHarness.Teaching(KeepServerMode.Legacy)).Execute().Model.Pool.Gc);
        Assert.Equal(SyncPoolGc.VictimCache, new KeepHarness(KeepHarness.Teaching(KeepServerMode.Current)).Execute().Model.Pool.Gc);
        Assert.Equal(SyncPoolGc.VictimCache, new KeepBufferPool(1, 1).Gc);
    }
}
