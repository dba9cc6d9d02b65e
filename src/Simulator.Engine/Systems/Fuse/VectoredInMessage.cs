namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// Mirrors PR #198's InMessage (internal/buffer/in_message.go in abhishek10004/jacobsa_fuse @72acb69):
/// a message read with one readv into block 0 (1 MiB + page, from BlockPool1MPlusPage) and as many
/// 1 MiB blocks (BlockPool1M) as the largest message needs; surplus blocks go back after the read.
/// Its quirks are kept: Consume across a block boundary advances and returns nil; ConsumeBytes
/// and GetFree copy to, or allocate on, the heap when a request does not fit one block.
/// </summary>
public sealed class VectoredInMessage(BlockPools pools)
{
    private readonly List<byte[]> _blocks = [];
    private readonly List<byte[]> _borrowed = [];
    private readonly List<(byte[] To, IReadOnlyList<Memory<byte>> From)> _copies = [];

    public IReadOnlyList<byte[]> Blocks => _blocks;

    public IReadOnlyList<byte[]> BorrowedBlocks => _borrowed;

    public int Size { get; private set; }

    public int Consumed { get; private set; }

    public int Len => Size - Consumed;

    /// <summary>Bytes this message allocated on the heap (GetFree, ConsumeBytes across blocks).</summary>
    public long HeapBytes { get; private set; }

    /// <summary>Bytes copied in user space (ConsumeBytes across blocks).</summary>
    public long BytesCopied { get; private set; }

    /// <summary>Each copy ConsumeBytes made for the message held now: the heap bytes and the block pieces they came from (ours, for the picture).</summary>
    public IReadOnlyList<(byte[] To, IReadOnlyList<Memory<byte>> From)> Copies => _copies;

    public InHeader Header => InHeader.Read(_blocks[0]);

    /// <summary>AllocBlocks: free what is held, then block 0 plus enough 1 MiB blocks for <paramref name="total"/> bytes.</summary>
    public void AllocBlocks(int total)
    {
        FreeBlocks();
        _blocks.Add(pools.OneMiBPlusPage.Get());
        if (total > _blocks[0].Length)
        {
            int extra = (total - _blocks[0].Length + FuseWire.MiB - 1) / FuseWire.MiB;
            for (int i = 0; i < extra; i++)
            {
                _blocks.Add(pools.OneMiB.Get());
            }
        }

        Consumed = Size = 0;
    }

    /// <summary>FreeBlocks: block 0 to BlockPool1MPlusPage, the others and every borrowed block to BlockPool1M.</summary>
    public void FreeBlocks()
    {
        for (int i = 0; i < _blocks.Count; i++)
        {
            (i == 0 ? pools.OneMiBPlusPage : pools.OneMiB).Put(_blocks[i]);
        }

        foreach (byte[] block in _borrowed)
        {
            pools.OneMiB.Put(block);
        }

        _blocks.Clear();
        _borrowed.Clear();
        _copies.Clear();
        Size = Consumed = 0;
        HeapBytes = BytesCopied = 0;
    }

    /// <summary>Init: one readv into the blocks, master's length checks, ShrinkToFit, then past the header.</summary>
    public void Init(Func<IReadOnlyList<byte[]>, int> readv)
    {
        int n = readv(_blocks);
        if (n < FuseWire.InHeaderSize)
        {
            throw new FuseProtocolException($"Unexpectedly read only {n} bytes.");
        }

        InHeader header = InHeader.Read(_blocks[0]);
        if (header.Len != n)
        {
            throw new FuseProtocolException($"Header says {header.Len} bytes, but we read {n}");
        }

        ShrinkToFit(n);
        Consumed = FuseWire.InHeaderSize;
    }

    /// <summary>ShrinkToFit: keep the blocks the first n bytes need (at least one), return the rest to BlockPool1M.</summary>
    public void ShrinkToFit(int n)
    {
        Size = n;
        int keep = 0, covered = 0;
        while (keep < _blocks.Count && (keep == 0 || covered < n))
        {
            covered += _blocks[keep].Length;
            keep++;
        }

        for (int i = _blocks.Count - 1; i >= keep; i--)
        {
            pools.OneMiB.Put(_blocks[i]);
            _blocks.RemoveAt(i);
        }
    }

    /// <summary>Consume: the next k bytes within one block; across a boundary it advances and returns nil (the caller reports "Corrupt").</summary>
    public Memory<byte>? Consume(int k)
    {
        if (Len == 0 || k > Len)
        {
            return null;
        }

        (int block, int offset) = Locate(Consumed);
        Consumed += k;
        return offset + k > _blocks[block].Length ? (Memory<byte>?)null : new Memory<byte>(_blocks[block], offset, k);
    }

    /// <summary>ConsumeBytes: a view within one block, or a heap copy when the bytes span blocks.</summary>
    public Memory<byte>? ConsumeBytes(int k)
    {
        if (k > Len)
        {
            return null;
        }

        (int block, int offset) = Locate(Consumed);
        Consumed += k;
        if (offset + k <= _blocks[block].Length)
        {
            return new Memory<byte>(_blocks[block], offset, k);
        }

        byte[] copy = new byte[k];
        HeapBytes += k;
        int done = 0;
        List<Memory<byte>> pieces = Pieces(block, offset, k);
        foreach (Memory<byte> piece in pieces)
        {
            piece.Span.CopyTo(copy.AsSpan(done));
            done += piece.Length;
        }

        BytesCopied += k;
        _copies.Add((copy, pieces));
        return copy;
    }

    /// <summary>ConsumeVector: the next k bytes as views into the blocks they span (empty for 0), advancing.</summary>
    public IReadOnlyList<Memory<byte>>? ConsumeVector(int k)
    {
        if (k > Len)
        {
            return null;
        }

        (int block, int offset) = Locate(Consumed);
        Consumed += k;
        return k == 0 ? [] : Pieces(block, offset, k);
    }

    /// <summary>GetFree: block 0's tail when it fits, else k fresh bytes on the heap (master returned nil).</summary>
    public Memory<byte>? GetFree(int k)
    {
        if (k <= 0)
        {
            return null;
        }

        if (_blocks.Count > 0 && Size + k <= _blocks[0].Length)
        {
            return new Memory<byte>(_blocks[0], Size, k);
        }

        HeapBytes += k;
        return new byte[k];
    }

    /// <summary>GetFreeVector: block 0's tail when it fits, else ceil(k / 1 MiB) blocks borrowed from BlockPool1M.</summary>
    public IReadOnlyList<Memory<byte>>? GetFreeVector(int k)
    {
        if (k <= 0)
        {
            return null;
        }

        if (_blocks.Count > 0 && Size + k <= _blocks[0].Length)
        {
            return [new Memory<byte>(_blocks[0], Size, k)];
        }

        var slices = new List<Memory<byte>>();
        for (int remaining = k; remaining > 0; remaining -= FuseWire.MiB)
        {
            byte[] block = pools.OneMiB.Get();
            _borrowed.Add(block);
            slices.Add(new Memory<byte>(block, 0, Math.Min(remaining, FuseWire.MiB)));
        }

        return slices;
    }

    /// <summary>Sets the blocks and the message size directly, as upstream's package tests do with small blocks.</summary>
    internal void UseBlocks(IEnumerable<byte[]> blocks, int size)
    {
        _blocks.Clear();
        _blocks.AddRange(blocks);
        Size = size;
        Consumed = 0;
    }

    private (int Block, int Offset) Locate(int position)
    {
        int block = 0;
        while (block < _blocks.Count - 1 && position >= _blocks[block].Length)
        {
            position -= _blocks[block].Length;
            block++;
        }

        return (block, position);
    }

    private List<Memory<byte>> Pieces(int block, int offset, int k)
    {
        var pieces = new List<Memory<byte>>();
        while (k > 0)
        {
            int take = Math.Min(k, _blocks[block].Length - offset);
            pieces.Add(new Memory<byte>(_blocks[block], offset, take));
            k -= take;
            block++;
            offset = 0;
        }

        return pieces;
    }
}
