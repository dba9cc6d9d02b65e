using BenchmarkDotNet.Attributes;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>The #10541 hit path on one thread: a GET for a block a Ready buffer holds (Acquire, then Release). Target: at most 200 ns, no allocation.</summary>
[MemoryDiagnoser]
public class ReadyHitBenchmarks
{
    public const string Hash = "d20ea047dd7b4df4d2c3b5b3e3f5b3a1";

    private CoalescingBufferCache _cache = null!;
    private long _now;

    [GlobalSetup]
    public void Setup() => _cache = ReadyCache();

    [Benchmark]
    public SharedBuffer? ReadyHit()
    {
        CacheLookup lookup = _cache.Acquire(Hash, ++_now);
        _cache.Release(lookup.Buffer!, _now);
        return lookup.Buffer;
    }

    /// <summary>A cache whose one block is Ready, as after its first fetch.</summary>
    public static CoalescingBufferCache ReadyCache()
    {
        var cache = new CoalescingBufferCache(16, 64 << 10);
        for (int i = 0; i < 15; i++)
        {
            string other = i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
            CacheLookup filler = cache.Acquire(other, 0);
            cache.Complete(filler.Buffer!, other, null, 0);
            cache.Release(filler.Buffer!, 0);
        }

        CacheLookup fill = cache.Acquire(Hash, 0);
        cache.Complete(fill.Buffer!, Hash, null, 0);
        cache.Release(fill.Buffer!, 0);
        return cache;
    }
}
