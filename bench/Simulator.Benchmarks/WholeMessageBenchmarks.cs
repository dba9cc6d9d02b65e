using System.Buffers;
using BenchmarkDotNet.Attributes;
using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// The same 2000 messages written in one piece: BufferPool (GetWritable + GetDataOwned + Drop)
/// against the stock .NET answer, ArrayPool Rent + Return. Message i copies data[i .. i + length).
/// </summary>
[MemoryDiagnoser]
public class WholeMessageBenchmarks
{
    private byte[] _data = [];
    private int[] _lengths = [];
    private BufferPool _pool = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = UpstreamWorkload.CreateData();
        _lengths = UpstreamWorkload.CreateLengths();

        // Built once for the same reason as in NoThreadBenchmarks: the pool resets itself when every
        // slice is dropped, and ArrayPool.Shared is likewise warm across invocations.
        _pool = new BufferPool(UpstreamWorkload.Capacity);
    }

    [Benchmark]
    public long BufferPool()
    {
        long handedOut = 0;
        for (int i = 0; i < _lengths.Length; i++)
        {
            int length = _lengths[i];
            for (int copy = 0; copy < 2; copy++)
            {
                _data.AsSpan(i, length).CopyTo(_pool.GetWritable(length));
                Slice slice = _pool.GetDataOwned();
                handedOut += slice.Length;
                slice.Drop();
            }
        }

        return handedOut;
    }

    [Benchmark(Baseline = true)]
    public long ArrayPoolRentReturn()
    {
        ArrayPool<byte> arrayPool = ArrayPool<byte>.Shared;
        long handedOut = 0;
        for (int i = 0; i < _lengths.Length; i++)
        {
            int length = _lengths[i];
            for (int copy = 0; copy < 2; copy++)
            {
                byte[] rented = arrayPool.Rent(length);
                _data.AsSpan(i, length).CopyTo(rented);
                handedOut += length;
                arrayPool.Return(rented);
            }
        }

        return handedOut;
    }
}
