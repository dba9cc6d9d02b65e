using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Systems.Keep;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>K22-K23: Feature #10541's proposed buffers, on the cache alone and through the whole server.</summary>
public class CoalescingVectorTests
{
    [Fact]
    public void K22_OverlappingGetsShareAFetchAndAWaiterEvictsTheBufferReadLongestAgo()
    {
        var cache = new CoalescingBufferCache(2, 16);
        CacheLookup h1 = cache.Acquire("h1", 0), h1b = cache.Acquire("h1", 1), h2 = cache.Acquire("h2", 2), h3 = cache.Acquire("h3", 3);

        Assert.Equal(CacheLookupKind.Fill, h1.Kind);
        Assert.Equal(CacheLookupKind.Join, h1b.Kind);
        Assert.Same(h1.Buffer, h1b.Buffer);
        Assert.Equal(CacheLookupKind.Fill, h2.Kind);
        Assert.NotSame(h1.Buffer, h2.Buffer);
        Assert.Equal(CacheLookupKind.Full, h3.Kind);

        cache.Complete(h1.Buffer!, "h1", null, 10);
        cache.Release(h1.Buffer!, 11);
        Assert.Equal(CacheLookupKind.Full, cache.Acquire("h3", 12).Kind); // one reader still holds it
        cache.Release(h1.Buffer!, 13);
        CacheLookup again = cache.Acquire("h3", 14);

        Assert.Equal(CacheLookupKind.Fill, again.Kind);
        Assert.Same(h1.Buffer, again.Buffer);
        Assert.Equal("h1", again.EvictedHash);
        Assert.Null(cache.Find("h1"));
        Assert.Equal(1, cache.Evictions);
    }

    [Fact]
    public void K22_ThroughTheServer()
    {
        KeepHarness run = new KeepHarness(KeepHarness.Teaching(KeepServerMode.Coalescing) with { MaxBuffers = 2 }, blocks: 3)
            .Get(0, 0).Get(1, 0).Get(2, 1).Get(3, 2).Execute();
        string h1 = run.Locators[0].Hash;

        Assert.Single(run.Events<FetchStarted>(), f => f.Hash == h1);
        Assert.Single(run.Events<VolumeReadStarted>(), v => v.Hash == h1);
        Assert.Contains(run.Events<FetchJoined>(), j => j.Request == 2 && j.Hash == h1);
        Assert.Contains(run.Events<BufferWaitStarted>(), w => w.Request == 4);
        Assert.Equal(h1, run.Events<FetchStarted>().Single(f => f.Request == 4).EvictedHash);
        Assert.All(Enumerable.Range(1, 4), id => Assert.Equal(200, run.Response(id).Status));
        Assert.Equal(4L << 20, run.Model.Counters.BytesServed);
        Assert.Equal(3L << 20, run.Model.Counters.BytesFromVolumes);
    }

    [Fact]
    public void K23_AFailedFetchFailsEverySharerAndKeepsNoMapping()
    {
        var cache = new CoalescingBufferCache(2, 16);
        SharedBuffer buffer = cache.Acquire("h1", 0).Buffer!;
        cache.Acquire("h1", 1);
        cache.Acquire("h1", 2);
        cache.Complete(buffer, "h1", new KeepError(500, "io"), 3);

        Assert.Equal(SharedBufferState.Failed, buffer.State);
        Assert.Null(cache.Find("h1"));
        Assert.Equal(CacheLookupKind.Fill, cache.Acquire("h1", 4).Kind); // a new GET starts a new fetch
        for (int i = 0; i < 3; i++)
        {
            cache.Release(buffer, 5);
        }

        Assert.Equal(SharedBufferState.Empty, buffer.State);
    }

    [Fact]
    public void K23_ThroughTheServer()
    {
        KeepHarness run = new KeepHarness(KeepHarness.Teaching(KeepServerMode.Coalescing), blocks: 1)
            .Setup((model, locators) => model.InjectFault(locators[0].Hash, new VolumeFault(FailAfterBytes: 0)))
            .Get(0, 0).Get(1, 0).Get(2, 0).Execute();

        FetchFinished finished = Assert.Single(run.Events<FetchFinished>());
        Assert.Equal(3, finished.Sharers);
        Assert.Equal(VolumeFault.FailureMessage, finished.Error);
        Assert.All(Enumerable.Range(1, 3), id => Assert.Equal(500, run.Response(id).Status));
        Assert.Equal(2, run.Model.Counters.ErrorFanout);
        Assert.Null(run.Model.Cache.Find(run.Locators[0].Hash));
    }
}
