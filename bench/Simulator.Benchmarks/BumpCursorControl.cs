namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// The lower-bound control, like upstream's `MaxEfficeincy`: one preallocated array and a cursor,
/// no slots, no shared state, no mode changes. It hands out a view that is overwritten by the next
/// message, so it is deliberately unrealistic; it only shows the cost of the copies themselves.
/// (Upstream's version always returns inner[0..len]; the cursor here at least keeps a message contiguous.)
/// </summary>
internal sealed class BumpCursorControl
{
    private readonly byte[] _memory;
    private int _cursor;

    public BumpCursorControl(int capacity) => _memory = new byte[capacity];

    public Span<byte> GetWritable(int length)
    {
        Span<byte> writable = _memory.AsSpan(_cursor, length);
        _cursor += length;
        return writable;
    }

    /// <summary>The message written so far; the cursor restarts, so nothing needs dropping.</summary>
    public ReadOnlyMemory<byte> GetDataOwned()
    {
        ReadOnlyMemory<byte> message = _memory.AsMemory(0, _cursor);
        _cursor = 0;
        return message;
    }
}
