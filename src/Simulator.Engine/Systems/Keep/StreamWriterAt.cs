namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// Mirrors services/keepstore/streamwriterat.go: volumes write parts of a block into the buffer in
/// any order; each part (64 KiB in keepstore) goes to the client as soon as it and every part
/// before it are full. The writer goroutine is the <paramref name="deliver"/> callback, called in
/// order with (offset, count); once it returns an error (hashCheckWriter's errChecksum, a gone
/// client) nothing more is delivered and Close returns that error. Upstream quirks are kept: bytes are copied into the buffer before
/// the closed and overlap checks, and WroteAt counts them even when WriteAt then fails.
/// </summary>
public sealed class StreamWriterAt(byte[] buffer, int partSize, Func<int, int, string?> deliver)
{
    private readonly int[] _partFilled = new int[(buffer.Length + Math.Max(1, partSize) - 1) / Math.Max(1, partSize)];
    private int _partNext;
    private int _endPos;
    private bool _closed;
    private string? _writeError;

    public int PartSize { get; } = partSize > 0 ? partSize : 65536;

    /// <summary>Bytes passed to WriteAt, whether or not they reached the client.</summary>
    public int WroteAt { get; private set; }

    /// <summary>Bytes delivered to the client, in order.</summary>
    public int Wrote { get; private set; }

    /// <summary>Copies <paramref name="data"/> to <paramref name="offset"/>; returns the error Go's WriteAt would.</summary>
    public string? WriteAt(ReadOnlySpan<byte> data, int offset)
    {
        int n = 0;
        if (offset <= buffer.Length)
        {
            n = Math.Min(data.Length, buffer.Length - offset);
            data[..n].CopyTo(buffer.AsSpan(offset));
        }

        if (n < data.Length)
        {
            return $"write beyond end of buffer: offset {offset} len {data.Length} buf {buffer.Length}";
        }

        int end = offset + n;
        WroteAt += data.Length;
        _endPos = Math.Max(_endPos, end);
        if (_closed)
        {
            return "invalid use of closed streamWriterAt";
        }

        for (int i = offset; i < end;)
        {
            int j = Math.Min(i + PartSize - (i % PartSize), end);
            int filled = _partFilled[i / PartSize] + (j - i);
            if (filled > PartSize)
            {
                return "streamWriterAt: overlapping WriteAt calls";
            }

            _partFilled[i / PartSize] = filled;
            i = j;
        }

        while (_partNext < _partFilled.Length && _partFilled[_partNext] == PartSize)
        {
            Flush(_partNext * PartSize, PartSize);
        }

        return null;
    }

    /// <summary>Flushes the last partial part if it ends exactly where the writes ended; returns Close's error.</summary>
    public string? Close()
    {
        if (_closed)
        {
            return "invalid use of closed streamWriterAt";
        }

        _closed = true;
        int offset = _partNext * PartSize;
        if (offset < _endPos && offset + _partFilled[_partNext] == _endPos)
        {
            Flush(offset, _endPos - offset);
        }

        if (_writeError is not null)
        {
            return _writeError;
        }

        return Wrote != WroteAt ? $"streamWriterAt: detected hole in input: wrote {WroteAt} but flushed {Wrote}" : null;
    }

    private void Flush(int offset, int count)
    {
        _partNext++;
        if (_writeError is null && (_writeError = deliver(offset, count)) is null)
        {
            Wrote += count;
        }
    }
}
