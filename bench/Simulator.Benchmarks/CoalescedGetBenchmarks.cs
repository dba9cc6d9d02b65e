using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// GETs of one hot block by 1, 8 and 64 concurrent readers, the shape of golang/sync's
/// BenchmarkDo (every caller asks for the same key and the fetch returns at once). Compared in the
/// same run with the usual .NET idiom, a ConcurrentDictionary of Lazy tasks removed when done.
/// Each invocation is <see cref="CallsPerInvoke"/> GETs split among the readers; times are per GET.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet needs an unsealed class; GlobalCleanup disposes the runner")]
public class CoalescedGetBenchmarks
{
    public const int CallsPerInvoke = 1 << 16;
    private const string Hash = "d20ea047dd7b4df4d2c3b5b3e3f5b3a1";

    private readonly SingleflightGroup<int> _group = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<int>>> _lazies = new(StringComparer.Ordinal);
    private ParallelRunner? _runner;
    private CoalescingBufferCache _cache = null!;

    [Params(1, 8, 64)]
    public int Readers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _runner = new ParallelRunner(Readers);
        _cache = new CoalescingBufferCache(4, 64 << 10);
    }

    [GlobalCleanup]
    public void Cleanup() => _runner?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvoke)]
    public void LazyTaskDictionary() => Each(() =>
    {
        Lazy<Task<int>> mine = new(Fetch);
        Lazy<Task<int>> shared = _lazies.GetOrAdd(Hash, mine);
        _ = shared.Value.Result;
        if (ReferenceEquals(shared, mine))
        {
            _lazies.TryRemove(new KeyValuePair<string, Lazy<Task<int>>>(Hash, mine)); // nothing kept after the flight, as in singleflight
        }
    });

    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public void Singleflight() => Each(() => _group.Do(Hash, () => Fetch().Result));

    /// <summary>The #10541 cache: join or fill, and release; once Ready, later GETs hit the buffer.</summary>
    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public void Cache() => Each(() =>
    {
        CacheLookup lookup = _cache.Acquire(Hash, 1);
        if (lookup.Kind == CacheLookupKind.Fill)
        {
            _ = Fetch().Result;
            _cache.Complete(lookup.Buffer!, Hash, null, 1);
        }

        _cache.Release(lookup.Buffer!, 1);
    });

    private void Each(Action get)
    {
        int per = CallsPerInvoke / Readers;
        _runner!.Run(_ =>
        {
            for (int i = 0; i < per; i++)
            {
                get();
            }
        });
    }

    /// <summary>The fetch returns at once, as in BenchmarkDo, so only the coalescing itself is measured.</summary>
    private static Task<int> Fetch() => Task.FromResult(42);
}
