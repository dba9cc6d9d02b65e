namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// Mirrors PR #198's blockPool (in_message.go, fork abhishek10004/jacobsa_fuse @72acb69): a LIFO
/// list of fixed-size blocks up to a limit; Get pops the last or falls back to an overflow
/// sync.Pool (which allocates when empty); Put beyond the limit goes to the overflow. The overflow
/// keeps Go 1.13+'s victim cache (src/sync/pool.go, poolCleanup): Get takes the primary cache,
/// then the victim; a garbage collection drops the victim and makes the primary the new victim.
/// </summary>
public sealed class BlockPool(string name, int blockSize, int limit)
{
    private readonly List<byte[]> _list = [];
    private readonly Stack<byte[]> _overflow = new();
    private readonly Stack<byte[]> _victims = new();

    public string Name { get; } = name;

    public int BlockSize { get; } = blockSize;

    public int Limit { get; } = limit;

    public int Count => _list.Count;

    /// <summary>Blocks in the overflow sync.Pool, primary and victim caches together.</summary>
    public int OverflowCount => _overflow.Count + _victims.Count;

    /// <summary>Blocks in the overflow's victim cache: the next garbage collection drops them unless a Get takes them first.</summary>
    public int VictimCount => _victims.Count;

    /// <summary>Blocks the alloc callback made.</summary>
    public int FreshAllocations { get; private set; }

    public int OverflowPuts { get; private set; }

    /// <summary>Blocks garbage collections dropped from the victim cache, over the run.</summary>
    public int Dropped { get; private set; }

    /// <summary>Bytes the pool keeps reachable: the list and both overflow caches (what a collection finds live).</summary>
    public long ReachableBytes => (long)(_list.Count + _overflow.Count + _victims.Count) * BlockSize;

    public byte[] Get()
    {
        if (_list.Count > 0)
        {
            byte[] last = _list[^1];
            _list.RemoveAt(_list.Count - 1);
            return last;
        }

        // sync.Pool.Get: the primary cache first, then getSlow's victim cache; New when both are empty.
        if (_overflow.TryPop(out byte[]? pooled) || _victims.TryPop(out pooled))
        {
            return pooled;
        }

        FreshAllocations++;
        return new byte[BlockSize];
    }

    public void Put(byte[] block)
    {
        if (_list.Count < Limit)
        {
            _list.Add(block);
        }
        else
        {
            OverflowPuts++;
            _overflow.Push(block);
        }
    }

    /// <summary>A garbage collection as sync.Pool's poolCleanup sees it: the victims are dropped, the primary cache becomes the victim cache; returns the blocks dropped.</summary>
    public int CollectGarbage()
    {
        int dropped = _victims.Count;
        _victims.Clear();
        foreach (byte[] block in _overflow.Reverse())
        {
            _victims.Push(block); // same order: the last put is still taken first
        }

        _overflow.Clear();
        Dropped += dropped;
        return dropped;
    }
}
