namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// Feature #10541 as proposed (dev.arvados.org/issues/10541; not implemented upstream): buffers
/// tagged with block hashes. Overlapping GETs for a hash share one buffer and one volume read;
/// Ready buffers serve later GETs; a new buffer is made while fewer than the maximum exist, else
/// the idle (refcount 0) buffer with the oldest last-read time is reused. A failed fetch keeps no
/// hash mapping. Thread-safe (one lock) so the benchmark can measure it under real contention; the
/// hit path allocates nothing.
/// </summary>
public sealed class CoalescingBufferCache
{
    private readonly List<SharedBuffer> _buffers = [];
    private readonly Dictionary<string, SharedBuffer> _byHash = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public CoalescingBufferCache(int maxBuffers, int bufferSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBuffers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferSize);
        MaxBuffers = maxBuffers;
        BufferSize = bufferSize;
    }

    public int MaxBuffers { get; }

    public int BufferSize { get; }

    /// <summary>Buffers made so far (at most <see cref="MaxBuffers"/>), in the order they were made.</summary>
    public IReadOnlyList<SharedBuffer> Buffers => _buffers;

    /// <summary>Bytes allocated for buffers; they are kept for reuse, so this only grows.</summary>
    public long AllocatedBytes => (long)_buffers.Count * BufferSize;

    /// <summary>Buffers with at least one request using them.</summary>
    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return _buffers.Count(b => b.Refs > 0);
            }
        }
    }

    /// <summary>Ready buffers reused for another block.</summary>
    public int Evictions { get; private set; }

    /// <summary>The buffer mapped to <paramref name="hash"/>, if any.</summary>
    public SharedBuffer? Find(string hash)
    {
        lock (_gate)
        {
            return _byHash.GetValueOrDefault(hash);
        }
    }

    /// <summary>GET(hash): join a fetch in flight, hit a Ready buffer, or take a buffer to fetch into; Full when none is free.</summary>
    public CacheLookup Acquire(string hash, long now)
    {
        lock (_gate)
        {
            if (_byHash.TryGetValue(hash, out SharedBuffer? mapped))
            {
                mapped.Refs++;
                if (mapped.State == SharedBufferState.Ready)
                {
                    mapped.LastRead = now;
                    return new CacheLookup(CacheLookupKind.Hit, mapped, null);
                }

                return new CacheLookup(CacheLookupKind.Join, mapped, null);
            }

            if (TakeFree(out string? evicted) is not { } buffer)
            {
                return new CacheLookup(CacheLookupKind.Full, null, null);
            }

            Start(buffer, hash, forWrite: false);
            _byHash[hash] = buffer;
            return new CacheLookup(CacheLookupKind.Fill, buffer, evicted);
        }
    }

    /// <summary>PUT: a free buffer or the LRU idle one to receive the body into; Full when none is free.</summary>
    public CacheLookup AcquireForWrite()
    {
        lock (_gate)
        {
            if (TakeFree(out string? evicted) is not { } buffer)
            {
                return new CacheLookup(CacheLookupKind.Full, null, null);
            }

            Start(buffer, null, forWrite: true);
            return new CacheLookup(CacheLookupKind.Fill, buffer, evicted);
        }
    }

    /// <summary>The fetch (or PUT) into <paramref name="buffer"/> ended: Ready and tagged with the hash, or Failed with no mapping.</summary>
    public void Complete(SharedBuffer buffer, string hash, KeepError? error, long now)
    {
        lock (_gate)
        {
            if (error is null)
            {
                buffer.State = SharedBufferState.Ready;
                buffer.Hash = hash;
                buffer.LastRead = now;
                buffer.ForWrite = false;
                _byHash.TryAdd(hash, buffer); // a PUT of a block already cached leaves the first mapping
                if (_byHash[hash] != buffer)
                {
                    buffer.State = SharedBufferState.Empty;
                    buffer.Hash = null;
                }

                return;
            }

            buffer.State = SharedBufferState.Failed;
            buffer.Error = error;
            if (buffer.Hash is { } mappedHash && _byHash.GetValueOrDefault(mappedHash) == buffer)
            {
                _byHash.Remove(mappedHash);
            }
        }
    }

    /// <summary>A request is done with the buffer; the last one out of a Failed buffer empties it.</summary>
    public void Release(SharedBuffer buffer, long now)
    {
        lock (_gate)
        {
            if (buffer.Refs == 0)
            {
                throw new InvalidOperationException($"buffer {buffer.Index} released more often than acquired");
            }

            buffer.Refs--;
            if (buffer.State == SharedBufferState.Ready)
            {
                buffer.LastRead = Math.Max(buffer.LastRead, now);
            }
            else if (buffer.State == SharedBufferState.Failed && buffer.Refs == 0)
            {
                Clear(buffer);
            }
        }
    }

    /// <summary>Whether a request waiting for a buffer could get one now.</summary>
    public bool HasFree()
    {
        lock (_gate)
        {
            return _buffers.Count < MaxBuffers || _buffers.Any(b => b.Refs == 0 && b.State is SharedBufferState.Empty or SharedBufferState.Ready);
        }
    }

    private SharedBuffer? TakeFree(out string? evicted)
    {
        evicted = null;
        SharedBuffer? empty = _buffers.FirstOrDefault(b => b.Refs == 0 && b.State == SharedBufferState.Empty);
        if (empty is not null)
        {
            return empty;
        }

        if (_buffers.Count < MaxBuffers)
        {
            var made = new SharedBuffer(_buffers.Count, BufferSize);
            _buffers.Add(made);
            return made;
        }

        SharedBuffer? oldest = null;
        foreach (SharedBuffer b in _buffers)
        {
            if (b.Refs == 0 && b.State == SharedBufferState.Ready && (oldest is null || b.LastRead < oldest.LastRead))
            {
                oldest = b;
            }
        }

        if (oldest is null)
        {
            return null;
        }

        evicted = oldest.Hash;
        _byHash.Remove(oldest.Hash!);
        Evictions++;
        Clear(oldest);
        return oldest;
    }

    private static void Start(SharedBuffer buffer, string? hash, bool forWrite)
    {
        buffer.State = SharedBufferState.Filling;
        buffer.Hash = hash;
        buffer.Refs = 1;
        buffer.Fetch++;
        buffer.Filled = 0;
        buffer.BlockSize = 0;
        buffer.Error = null;
        buffer.ForWrite = forWrite;
    }

    private static void Clear(SharedBuffer buffer)
    {
        buffer.State = SharedBufferState.Empty;
        buffer.Hash = null;
        buffer.Error = null;
        buffer.Filled = 0;
    }
}
