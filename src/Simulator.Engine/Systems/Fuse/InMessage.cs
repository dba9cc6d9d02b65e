namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// Mirrors internal/buffer/in_message.go on master: one contiguous buffer of page size + 1 MiB,
/// allocated eagerly; a read fills it with exactly one message; Consume and ConsumeBytes walk
/// the message after its 40-byte header without copying; GetFree hands out the unused tail.
/// </summary>
public sealed class InMessage(int bufferSize)
{
    private int _remaining;

    /// <summary>The storage (bufSize bytes), what readv/read fill.</summary>
    public byte[] Storage { get; } = new byte[bufferSize];

    /// <summary>Bytes of the message read.</summary>
    public int Size { get; private set; }

    /// <summary>Unconsumed bytes of the message.</summary>
    public int Len => Size - _remaining;

    /// <summary>Init: one read of a message into the storage; the length checks of master.</summary>
    public void Init(Func<byte[], int> read)
    {
        int n = read(Storage);
        if (n < FuseWire.InHeaderSize)
        {
            throw new FuseProtocolException($"Unexpectedly read only {n} bytes.");
        }

        InHeader header = Header;
        if (header.Len != n)
        {
            throw new FuseProtocolException($"Header says {header.Len} bytes, but we read {n}");
        }

        Size = n;
        _remaining = FuseWire.InHeaderSize;
    }

    public InHeader Header => InHeader.Read(Storage);

    /// <summary>Consume: the next <paramref name="k"/> bytes (nil when the message is done or shorter), advancing.</summary>
    public Memory<byte>? Consume(int k)
    {
        if (Len == 0 || k > Len)
        {
            return null;
        }

        var slice = new Memory<byte>(Storage, _remaining, k);
        _remaining += k;
        return slice;
    }

    /// <summary>ConsumeBytes: a zero-copy view of the next <paramref name="k"/> bytes (nil when shorter), advancing.</summary>
    public Memory<byte>? ConsumeBytes(int k)
    {
        if (k > Len)
        {
            return null;
        }

        var slice = new Memory<byte>(Storage, _remaining, k);
        _remaining += k;
        return slice;
    }

    /// <summary>GetFree: storage[size : size+k], the tail after the message; nil when k ≤ 0 or it does not fit.</summary>
    public Memory<byte>? GetFree(int k) => k <= 0 || k > Storage.Length - Size ? (Memory<byte>?)null : new Memory<byte>(Storage, Size, k);
}
