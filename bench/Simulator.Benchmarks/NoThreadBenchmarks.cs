using BenchmarkDotNet.Attributes;
using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// Upstream `bench_no_thread`: 1000 iterations, each writing one message twice in 10-byte chunks
/// (chunk k copies data[i + k .. i + k + 10)) and handing it out, dropping the slice at once.
/// Each loop is written out per buffer type, as Rust monomorphises the generic upstream function;
/// a shared loop over IBuffer would add an interface call per chunk to the pool and the heap buffer only.
/// Each method returns the bytes handed out so the JIT cannot drop the work.
/// </summary>
[MemoryDiagnoser]
public class NoThreadBenchmarks
{
    private byte[] _data = [];
    private int[] _lengths = [];
    private BufferPool _pool = null!;
    private BumpCursorControl _control = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = UpstreamWorkload.CreateData();
        _lengths = UpstreamWorkload.CreateLengths();

        // Upstream builds a new pool per bench call. Building it here instead keeps the 327,680-byte
        // array out of the measured allocations; reuse is equivalent because every slice is dropped at
        // once, so the pool resets itself (shared state 0) on the next GetWritable of each invocation.
        _pool = new BufferPool(UpstreamWorkload.Capacity);
        _control = new BumpCursorControl(UpstreamWorkload.Capacity);
    }

    [Benchmark]
    public long BufferPool()
    {
        long handedOut = 0;
        for (int i = 0; i < _lengths.Length; i++)
        {
            int chunks = _lengths[i] / UpstreamWorkload.ChunkLength;
            for (int copy = 0; copy < 2; copy++)
            {
                for (int k = 0; k < chunks; k++)
                {
                    _data.AsSpan(i + k, UpstreamWorkload.ChunkLength).CopyTo(_pool.GetWritable(UpstreamWorkload.ChunkLength));
                }

                Slice slice = _pool.GetDataOwned();
                handedOut += slice.Length;
                slice.Drop();
            }
        }

        return handedOut;
    }

    // A fresh heap buffer per invocation, as upstream builds BufferFromMemory::new(0) per call;
    // its per-message allocations are the point of the comparison.
    [Benchmark(Baseline = true)]
    public long BufferFromSystemMemory()
    {
        var buffer = new BufferFromSystemMemory();
        long handedOut = 0;
        for (int i = 0; i < _lengths.Length; i++)
        {
            int chunks = _lengths[i] / UpstreamWorkload.ChunkLength;
            for (int copy = 0; copy < 2; copy++)
            {
                for (int k = 0; k < chunks; k++)
                {
                    _data.AsSpan(i + k, UpstreamWorkload.ChunkLength).CopyTo(buffer.GetWritable(UpstreamWorkload.ChunkLength));
                }

                Slice slice = buffer.GetDataOwned();
                handedOut += slice.Length;
                slice.Drop();
            }
        }

        return handedOut;
    }

    [Benchmark]
    public long Control()
    {
        long handedOut = 0;
        for (int i = 0; i < _lengths.Length; i++)
        {
            int chunks = _lengths[i] / UpstreamWorkload.ChunkLength;
            for (int copy = 0; copy < 2; copy++)
            {
                for (int k = 0; k < chunks; k++)
                {
                    _data.AsSpan(i + k, UpstreamWorkload.ChunkLength).CopyTo(_control.GetWritable(UpstreamWorkload.ChunkLength));
                }

                handedOut += _control.GetDataOwned().Length;
            }
        }

        return handedOut;
    }
}
