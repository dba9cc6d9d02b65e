namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// Mirrors PR #198's blockPool (in_message.go, fork abhishek10004/jacobsa_fuse @72acb69): a LIFO
/// list of fixed-size blocks up to a limit; Get pops the last or falls back to an overflow
/// sync.Pool (which allocates when empty); Put beyond the limit goes to the overflow, which a
/// garbage collection may empty.
/// </summary>
public sealed class BlockPool(string name, int blockSize, int limit)
{
    private readonly List<byte[]> _list = [];
    private readonly Stack<byte[]> _overflow = new();

    public string Name { get; } = name;

    public int BlockSize { get; } = blockSize;

    public int Limit { get; } = limit;

    public int Count => _list.Count;

    public int OverflowCount => _overflow.Count;

    /// <summary>Blocks the alloc callback made.</summary>
    public int FreshAllocations { get; private set; }

    public int OverflowPuts { get; private set; }

    public byte[] Get()
    {
        if (_list.Count > 0)
        {
            byte[] last = _list[^1];
            _list.RemoveAt(_list.Count - 1);
            return last;
        }

        if (_overflow.TryPop(out byte[]? pooled))
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

    /// <summary>A garbage collection: sync.Pool's overflow blocks may all go.</summary>
    public int CollectGarbage()
    {
        int dropped = _overflow.Count;
        _overflow.Clear();
        return dropped;
    }
}
