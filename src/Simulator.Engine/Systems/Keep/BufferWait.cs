namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// A goroutine blocked in bufferPool.Get (a sender on the full limiter channel). It is granted a
/// buffer in FIFO order; if its GetContext caller left first it is an orphan, and the buffer it is
/// granted goes straight back to the pool.
/// </summary>
public sealed class BufferWait(object owner, TimeSpan since)
{
    public object Owner { get; } = owner;

    public TimeSpan Since { get; } = since;

    public byte[]? Buffer { get; internal set; }

    /// <summary>The caller's context ended before the buffer came (GetContext returned ctx.Err()).</summary>
    public bool Orphaned { get; internal set; }
}
