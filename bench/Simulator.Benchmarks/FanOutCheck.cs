using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// "One fetch per flight" with real threads: N readers released together ask the cache for a block
/// none holds; exactly one must fill, the rest join. Repeated over many flights; not timed.
/// </summary>
internal static class FanOutCheck
{
    public static (int Flights, int MaxFillsPerFlight, int MinJoinsPerFlight) Run(int readers, int flights)
    {
        var cache = new CoalescingBufferCache(2, 1024);
        using var runner = new ParallelRunner(readers);
        int maxFills = 0, minJoins = int.MaxValue;
        for (int flight = 0; flight < flights; flight++)
        {
            string hash = flight.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
            var lookups = new CacheLookup[readers];
            runner.Run(i => lookups[i] = cache.Acquire(hash, flight));
            int fills = lookups.Count(l => l.Kind == CacheLookupKind.Fill);
            maxFills = Math.Max(maxFills, fills);
            minJoins = Math.Min(minJoins, lookups.Count(l => l.Kind == CacheLookupKind.Join));
            SharedBuffer buffer = lookups.First(l => l.Kind == CacheLookupKind.Fill).Buffer!;
            cache.Complete(buffer, hash, null, flight);
            foreach (CacheLookup lookup in lookups)
            {
                cache.Release(lookup.Buffer!, flight);
            }
        }

        return (flights, maxFills, minJoins);
    }

    public static long HitPathBytesPerGet()
    {
        var benchmarks = new ReadyHitBenchmarks();
        benchmarks.Setup();
        for (int i = 0; i < 100; i++)
        {
            benchmarks.ReadyHit();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            benchmarks.ReadyHit();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
    }
}
