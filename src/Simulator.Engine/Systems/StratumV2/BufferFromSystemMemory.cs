namespace BufferLab.Simulator.Engine.Systems.StratumV2;

// Mirrors `BufferFromSystemMemory` in sv2/buffer-sv2/src/buffer.rs.
/// <summary>
/// The heap fallback: a growable array with Rust Vec semantics. Every message it hands out takes
/// the array with it, so the next message starts a fresh allocation.
/// </summary>
public sealed class BufferFromSystemMemory : IBuffer
{
    private byte[] _inner = [];
    private int _innerLength;

    /// <summary>Bytes written to the message in progress (upstream `cursor`).</summary>
    public int Length { get; private set; }

    /// <summary>Heap allocations made so far (Vec growth and split-off tails).</summary>
    public long Allocations { get; private set; }

    /// <summary>Bytes of all heap allocations made so far.</summary>
    public long AllocatedBytes { get; private set; }

    public Span<byte> GetWritable(int length)
    {
        int cursor = Length;
        int end = checked(cursor + length);
        if (end > _innerLength)
        {
            Resize(end);
        }

        Length = end;
        return _inner.AsSpan(cursor, length);
    }

    /// <summary>`split_off(cursor)` then swap: the written head leaves with its array, the tail stays.</summary>
    public Slice GetDataOwned()
    {
        byte[] head = _inner;
        int headLength = Length;
        int tailLength = _innerLength - Length;
        _inner = tailLength == 0 ? [] : Allocate(tailLength);
        head.AsSpan(headLength, tailLength).CopyTo(_inner);
        _innerLength = tailLength;
        Length = 0;
        return new Slice(head, 0, headLength, BufferPoolLimits.IgnoreIndex, sharedState: null, owned: true);
    }

    /// <summary>Upstream `get_data_by_ref(n)`: the first min(n, cursor) bytes.</summary>
    public ReadOnlySpan<byte> GetDataByRef(int length) => _inner.AsSpan(0, Math.Min(length, Length));

    /// <summary>Vec::resize with zero fill: amortised growth to max(2 x capacity, needed, 8).</summary>
    private void Resize(int newLength)
    {
        if (newLength > _inner.Length)
        {
            int capacity = (int)Math.Min(Array.MaxLength, Math.Max(Math.Max(_inner.Length * 2L, newLength), 8));
            byte[] grown = Allocate(capacity);
            _inner.AsSpan(0, _innerLength).CopyTo(grown);
            _inner = grown;
        }

        _inner.AsSpan(_innerLength, newLength - _innerLength).Clear();
        _innerLength = newLength;
    }

    private byte[] Allocate(int bytes)
    {
        Allocations++;
        AllocatedBytes += bytes;
        return new byte[bytes];
    }
}
