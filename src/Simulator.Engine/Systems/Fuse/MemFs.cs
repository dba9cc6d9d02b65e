namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// One file of samples/memfs (fuseutil.FileSystem; inode.go's ReadAt, WriteAt and the fork's
/// WriteBlocksAt): READ fills Dst, or PR #198's DstBufs slice by slice; WRITE takes Data, or PR
/// #198's DataBlocks (WriteBlocksAt, block by block). A write past the end grows the file, the gap
/// zero-filled, as inode.WriteAt's append does; unlike upstream the file stops at <see cref="MaxBytes"/>
/// (EFBIG). Its own copies are the ones a file system must make, counted apart from the library's.
/// </summary>
public sealed class MemFs
{
    /// <summary>EFBIG: the reply to a write that would grow the file past <see cref="MaxBytes"/>.</summary>
    public const int Efbig = 27;

    private byte[] _content;

    /// <summary>A file holding <paramref name="initial"/>'s bytes.</summary>
    public MemFs(byte[] initial)
    {
        _content = initial;
        Length = initial.Length;
    }

    public int Length { get; private set; }

    /// <summary>The most bytes the file may grow to (ours: upstream grows without a bound until memory runs out).</summary>
    public int MaxBytes { get; init; } = 256 << 20;

    /// <summary>Answer READs by setting Data to slices of the file (the zero-copy reply of c818f62) instead of filling Dst.</summary>
    public bool ReadsFromData { get; init; }

    /// <summary>Bytes the file system copied in and out of its file (unavoidable copies).</summary>
    public long BytesCopied { get; private set; }

    /// <summary>Heap bytes the file's growth allocated (each append that outgrew the slice's capacity).</summary>
    public long HeapBytes { get; private set; }

    /// <summary>The bytes the file's slice holds reachable (its capacity).</summary>
    public int Capacity => _content.Length;

    public ReadOnlySpan<byte> Content => _content.AsSpan(0, Length);

    /// <summary>Where <paramref name="bytes"/> start in the file, when they are a view of the file itself (a READ answered from Data); else null.</summary>
    public int? OffsetOf(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out ArraySegment<byte> segment) && ReferenceEquals(segment.Array, _content) ? segment.Offset : null;

    public int ReadAt(Span<byte> dst, long offset)
    {
        if (offset >= Length)
        {
            return 0; // inode.ReadAt: EOF, which ReadFile answers as a short read
        }

        int n = (int)Math.Min(dst.Length, Length - offset);
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

    /// <summary>WriteAt: a write past the end first grows the file to offset + length (zero-filled), then copies.</summary>
    public int WriteAt(ReadOnlySpan<byte> data, long offset)
    {
        GrowTo(offset + data.Length);
        data.CopyTo(_content.AsSpan((int)offset));
        BytesCopied += data.Length;
        return data.Length;
    }

    /// <summary>WriteBlocksAt: grow the file to hold all the blocks (as the fork's inode.WriteBlocksAt does, once), then each block copied where it belongs.</summary>
    public int WriteBlocksAt(IReadOnlyList<Memory<byte>> blocks, long offset)
    {
        GrowTo(offset + blocks.Sum(b => (long)b.Length));
        int total = 0;
        foreach (Memory<byte> block in blocks)
        {
            total += WriteAt(block.Span, offset + total);
        }

        return total;
    }

    /// <summary>SetInodeAttributes with a size (inode.SetAttributes): cut the slice to it, or append zero padding up to it.</summary>
    public void Truncate(long size)
    {
        if (size <= Length)
        {
            Length = (int)size;
        }
        else
        {
            GrowTo(size);
        }
    }

    /// <summary>
    /// The file's length becomes at least <paramref name="newLength"/>: inode.WriteAt appends zero
    /// padding, and Go's append reallocates when the capacity is short (growslice: double below 256
    /// elements, then about 1.25x, at least what is asked; size classes left out).
    /// </summary>
    private void GrowTo(long newLength)
    {
        if (newLength <= Length)
        {
            return;
        }

        if (newLength > MaxBytes)
        {
            throw new FuseErrnoException(Efbig, $"a write to byte {newLength} would grow the file past the {MaxBytes} bytes this simulation allows (upstream memfs grows without a bound)");
        }

        if (newLength > _content.Length)
        {
            long capacity = _content.Length;
            long doubled = capacity * 2;
            if (newLength > doubled)
            {
                capacity = newLength;
            }
            else if (capacity < 256)
            {
                capacity = doubled;
            }
            else
            {
                while (capacity < newLength)
                {
                    capacity += (capacity + (3 * 256)) / 4;
                }
            }

            byte[] grown = new byte[Math.Min(capacity, MaxBytes)];
            _content.AsSpan(0, Length).CopyTo(grown);
            _content = grown;
            HeapBytes += grown.Length;
        }
        else
        {
            _content.AsSpan(Length, (int)newLength - Length).Clear(); // the padding is zeros, whatever the slice held past its length
        }

        Length = (int)newLength;
    }
}
