using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>K15-K16: sharedCache.readAt in sdk/go/arvados/keep_cache.go, on a real 64 MiB block.</summary>
public class DiskCacheVectorTests
{
    private const int Block = 64 << 20;
    private const int SixtyMiB = 60 << 20;

    private static (Scheduler Scheduler, DiskCache Cache, KeepLocator Locator, byte[] Data) Setup(int? failAfter)
    {
        var scheduler = new Scheduler(new VirtualClock(), new SeededRandom(1));
        var backend = new KeepVolume("backend", TimeSpan.FromMilliseconds(5), 200 << 20);
        byte[] data = new byte[Block];
        new SeededRandom(3).NextBytes(data);
        KeepLocator locator = KeepLocator.Of(data);
        backend.Store(locator.Hash, data);
        if (failAfter is { } n)
        {
            backend.InjectFault(locator.Hash, new VolumeFault(FailAfterBytes: n));
        }

        return (scheduler, new DiskCache(scheduler, backend, 1 << 20), locator, data);
    }

    [Fact]
    public void K15_TwoReadersShareOneBackendReadAndEachReturnsAsSoonAsItsRangeIsThere()
    {
        var (scheduler, cache, locator, data) = Setup(failAfter: null);
        byte[] dst1 = new byte[1000], dst2 = new byte[1000];
        DiskCacheRead r1 = new(), r2 = new();
        scheduler.Spawn("R1", cache.ReadAt(locator, 0, dst1, r1));
        scheduler.Spawn("R2", cache.ReadAt(locator, SixtyMiB, dst2, r2));
        while (scheduler.StepOnce())
        {
        }

        Assert.Equal(1, cache.CacheMisses);
        Assert.InRange(r1.SizeWhenReturned, 1000, Block - 1); // before the fetch finished
        Assert.InRange(r2.SizeWhenReturned, SixtyMiB + 1000, Block);
        Assert.Equal(data.AsSpan(0, 1000).ToArray(), dst1);
        Assert.Equal(data.AsSpan(SixtyMiB, 1000).ToArray(), dst2);
        Assert.False(cache.IsFetching(locator.Hash));
    }

    [Fact]
    public void K16_AFailureAt30MiBReachesTheReaderStillWaitingAndTheNextReadFetchesAgain()
    {
        var (scheduler, cache, locator, _) = Setup(failAfter: 30 << 20);
        DiskCacheRead r1 = new(), r2 = new();
        scheduler.Spawn("R1", cache.ReadAt(locator, 0, new byte[1000], r1));
        scheduler.Spawn("R2", cache.ReadAt(locator, SixtyMiB, new byte[1000], r2));
        while (scheduler.StepOnce())
        {
        }

        Assert.Null(r1.Error);
        Assert.Equal(1000, r1.Bytes);
        Assert.Equal(VolumeFault.FailureMessage, r2.Error);
        Assert.Equal(0, r2.Bytes);
        Assert.False(cache.IsFetching(locator.Hash)); // the map entry is gone

        DiskCacheRead r3 = new();
        scheduler.Spawn("R3", cache.ReadAt(locator, 0, new byte[10], r3));
        while (scheduler.StepOnce())
        {
        }

        Assert.Equal(2, cache.CacheMisses);
    }
}
