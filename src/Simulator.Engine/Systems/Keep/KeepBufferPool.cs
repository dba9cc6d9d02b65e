namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// Mirrors services/keepstore/bufferpool.go: a limiter channel of MaxKeepBlobBuffers tokens (Go
/// queues blocked senders FIFO) over a sync.Pool of fixed-size buffers whose New adds to a
/// monotonic allocated-bytes counter. sync.Pool's GC behaviour is the Go release's (<see cref="Gc"/>):
/// Go 1.13+ moves pooled buffers to a victim cache and drops the previous victims; Go 1.8 (the 2017
/// keepstore) drops every pooled buffer. Either way idle memory can shrink while allocated_bytes never does.
/// </summary>
public sealed class KeepBufferPool
{
    private readonly Queue<BufferWait> _waiters = new();
    private readonly Stack<byte[]> _pooled = new();
    private readonly Stack<byte[]> _victims = new();

    public KeepBufferPool(int maxBuffers, int bufferSize, Action<BufferWait>? granted = null, SyncPoolGc gc = SyncPoolGc.VictimCache)
    {
        if (maxBuffers <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBuffers), maxBuffers, "MaxKeepBlobBuffers must be greater than zero");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferSize);
        MaxBuffers = maxBuffers;
        BufferSize = bufferSize;
        Granted = granted;
        Gc = gc;
    }

    /// <summary>What a garbage collection does to idle buffers: Go 1.13+'s victim cache or Go 1.8's drop-all.</summary>
    public SyncPoolGc Gc { get; }

    /// <summary>Called when a waiting Get receives its buffer (the simulator wakes the waiting actor).</summary>
    public Action<BufferWait>? Granted { get; set; }

    /// <summary>bufferpool_max_buffers: the limiter channel's capacity.</summary>
    public int MaxBuffers { get; }

    public int BufferSize { get; }

    /// <summary>bufferpool_inuse_buffers: tokens held.</summary>
    public int InUse { get; private set; }

    /// <summary>bufferpool_allocated_bytes: bytes sync.Pool's New allocated. Never decreases.</summary>
    public long AllocatedBytes { get; private set; }

    /// <summary>Buffers idle in sync.Pool (pooled plus victims): memory a GC may still free.</summary>
    public int Idle => _pooled.Count + _victims.Count;

    /// <summary>Goroutines blocked for a token, orphans included.</summary>
    public int Waiting => _waiters.Count;

    /// <summary>Buffers allocated by New since the start.</summary>
    public int Allocations { get; private set; }

    /// <summary>Get's fast path: a token and a buffer now, or null when the limiter is full.</summary>
    public byte[]? TryGet()
    {
        if (InUse >= MaxBuffers)
        {
            return null;
        }

        InUse++;
        return Take();
    }

    /// <summary>Get's slow path ("reached max buffers, waiting"): queue for a token, FIFO.</summary>
    public BufferWait Wait(object owner, TimeSpan now)
    {
        var wait = new BufferWait(owner, now);
        _waiters.Enqueue(wait);
        return wait;
    }

    /// <summary>GetContext's ctx.Done branch: the caller leaves; the Get it started goes on and puts back what it gets.</summary>
    public void Abandon(BufferWait wait)
    {
        if (wait.Buffer is { } buffer)
        {
            wait.Buffer = null;
            Put(buffer);
        }
        else
        {
            wait.Orphaned = true;
        }
    }

    /// <summary>Put: the buffer back to sync.Pool, then one token out of the limiter, which lets the first waiter in.</summary>
    public void Put(byte[] buffer)
    {
        if (buffer.Length != BufferSize)
        {
            throw new ArgumentException($"buffer of {buffer.Length} bytes is not one of this pool's {BufferSize}-byte buffers", nameof(buffer));
        }

        if (InUse == 0)
        {
            throw new InvalidOperationException("Put with no buffer in use (the limiter channel would block forever)");
        }

        _pooled.Push(buffer);
        InUse--;
        if (_waiters.TryDequeue(out BufferWait? next))
        {
            InUse++;
            next.Buffer = Take();
            if (next.Orphaned)
            {
                byte[] orphaned = next.Buffer;
                next.Buffer = null;
                Put(orphaned); // GetContext's second goroutine puts the late buffer straight back
            }
            else
            {
                Granted?.Invoke(next);
            }
        }
    }

    /// <summary>Buffers idle in sync.Pool's primary cache.</summary>
    public IEnumerable<byte[]> Pooled => _pooled;

    /// <summary>Buffers in sync.Pool's victim cache: the next GC frees them unless a Get takes them first.</summary>
    public IEnumerable<byte[]> Victims => _victims;

    /// <summary>
    /// A garbage collection as sync.Pool sees it, returning the buffers dropped: with a victim cache
    /// the victims are dropped and pooled buffers become victims; without one (Go 1.8) every pooled buffer is dropped.
    /// </summary>
    public IReadOnlyList<byte[]> CollectGarbage()
    {
        byte[][] dropped = [.. _victims];
        _victims.Clear();
        if (Gc == SyncPoolGc.DropAll)
        {
            dropped = [.. dropped, .. _pooled];
            _pooled.Clear();
            return dropped;
        }

        while (_pooled.TryPop(out byte[]? buffer))
        {
            _victims.Push(buffer);
        }

        return dropped;
    }

    private byte[] Take()
    {
        if (_pooled.TryPop(out byte[]? buffer) || _victims.TryPop(out buffer))
        {
            return buffer;
        }

        AllocatedBytes += BufferSize;
        Allocations++;
        return new byte[BufferSize];
    }
}
