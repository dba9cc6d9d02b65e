namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>One buffer of the #10541 cache: {[]byte, reference count, synchronisation} plus the block it holds.</summary>
public sealed class SharedBuffer(int index, int size)
{
    public int Index { get; } = index;

    public byte[] Data { get; } = new byte[size];

    public SharedBufferState State { get; internal set; }

    /// <summary>The block's hash while Filling or Ready.</summary>
    public string? Hash { get; internal set; }

    /// <summary>Requests using the buffer now.</summary>
    public int Refs { get; internal set; }

    /// <summary>When a request last read it (Ward Vandewege's last-read timestamp), in the cache's clock ticks.</summary>
    public long LastRead { get; internal set; }

    /// <summary>Numbers the fetches this buffer has held, so sharers can tell one fetch from the next.</summary>
    public int Fetch { get; internal set; }

    /// <summary>Bytes of the block in the buffer, a contiguous prefix while Filling.</summary>
    public int Filled { get; set; }

    /// <summary>The block's size, once known.</summary>
    public int BlockSize { get; set; }

    /// <summary>Why the fetch failed, while Failed.</summary>
    public KeepError? Error { get; internal set; }

    /// <summary>A PUT fills it: GETs do not join, and the hash is mapped only when the write succeeds.</summary>
    public bool ForWrite { get; internal set; }
}
