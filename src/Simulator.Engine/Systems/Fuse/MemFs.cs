namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// One file of samples/memfs (fuseutil.FileSystem): READ fills Dst, or PR #198's DstBufs slice by
/// slice; WRITE takes Data, or PR #198's DataBlocks (WriteBlocksAt, block by block). Its own
/// copies are the ones a file system must make, counted apart from the library's.
/// </summary>
public sealed class MemFs
{
    private readonly byte[] _content;

    /// <summary>A file of <paramref name="initial"/>'s bytes (its length is also the most it can hold).</summary>
    public MemFs(byte[] initial)
    {
        _content = initial;
        Length = initial.Length;
    }

    public int Length { get; private set; }

    /// <summary>Answer READs by setting Data to slices of the file (the zero-copy reply of c818f62) instead of filling Dst.</summary>
    public bool ReadsFromData { get; init; }

    /// <summary>Bytes the file system copied in and out of its file (unavoidable copies).</summary>
    public long BytesCopied { get; private set; }

    public ReadOnlySpan<byte> Content => _content.AsSpan(0, Length);

    /// <summary>Where <paramref name="bytes"/> start in the file, when they are a view of the file itself (a READ answered from Data); else null.</summary>
    public int? OffsetOf(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out ArraySegment<byte> segment) && ReferenceEquals(segment.Array, _content) ? segment.Offset : null;

    public int ReadAt(Span<byte> dst, long offset)
    {
        int n = offset >= Length ? 0 : (int)Math.Min(dst.Length, Length - offset);
        _content.AsSpan((int)offset, n).CopyTo(dst);
        BytesCopied += n;
        return n;
    }

    /// <summary>READ into Data: views of the file itself, no copy (the reply's writev sends them).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> ReadData(long offset, int size)
    {
        int n = offset >= Length ? 0 : (int)Math.Min(size, Length - offset);
        int half = n / 2;
        return n == 0 ? [] : [_content.AsMemory((int)offset, half), _content.AsMemory((int)offset + half, n - half)];
    }

    public int ReadVector(IReadOnlyList<Memory<byte>> dsts, long offset)
    {
        int total = 0;
        foreach (Memory<byte> dst in dsts)
        {
            int n = ReadAt(dst.Span, offset + total);
            total += n;
            if (n < dst.Length)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>WriteAt; a write past the capacity fails with EFBIG (27).</summary>
    public int WriteAt(ReadOnlySpan<byte> data, long offset)
    {
        if (offset + data.Length > _content.Length)
        {
            throw new FuseErrnoException(27, $"write of {data.Length} bytes at {offset} exceeds the file system's {_content.Length} bytes");
        }

        data.CopyTo(_content.AsSpan((int)offset));
        Length = (int)Math.Max(Length, offset + data.Length);
        BytesCopied += data.Length;
        return data.Length;
    }

    /// <summary>WriteBlocksAt: the blocks in order, each copied where it belongs.</summary>
    public int WriteBlocksAt(IReadOnlyList<Memory<byte>> blocks, long offset)
    {
        int total = 0;
        foreach (Memory<byte> block in blocks)
        {
            total += WriteAt(block.Span, offset + total);
        }

        return total;
    }

    /// <summary>SetInodeAttributes with a size: the file is cut or extended (zeros) to <paramref name="size"/>, within its capacity.</summary>
    public void Truncate(long size)
    {
        if (size > _content.Length)
        {
            throw new FuseErrnoException(27, $"truncate to {size} bytes exceeds the file system's {_content.Length} bytes");
        }

        _content.AsSpan((int)Math.Min(size, Length)).Clear();
        Length = (int)size;
    }
}
