namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// An op read and converted by the daemon (fuseops with its opState): the request, the message
/// holding it, and the destination or data views conversions.go chose for it.
/// </summary>
public sealed class FuseOp
{
    public required InHeader Header { get; init; }

    public ulong Offset { get; init; }

    public int Size { get; init; }

    /// <summary>READ's read_flags or WRITE's write_flags (FUSE_WRITE_CACHE = 1: a writeback of the page cache).</summary>
    public uint Flags { get; init; }

    /// <summary>master's message, or null for PR #198.</summary>
    public InMessage? Message { get; init; }

    /// <summary>PR #198's message, or null for master.</summary>
    public VectoredInMessage? Blocks { get; init; }

    public OutMessage Reply { get; } = new();

    /// <summary>READ: the destination (master: the InMessage tail or nil; PR: block 0's tail or the heap).</summary>
    public Memory<byte>? Dst { get; init; }

    /// <summary>READ, PR #198 with vectored reads: borrowed 1 MiB blocks.</summary>
    public IReadOnlyList<Memory<byte>>? DstBufs { get; init; }

    /// <summary>WRITE: the payload (a view into the message, or PR #198's heap copy when it spans blocks).</summary>
    public Memory<byte>? Data { get; init; }

    /// <summary>WRITE, PR #198 with vectored writes: views into the blocks.</summary>
    public IReadOnlyList<Memory<byte>>? DataBlocks { get; init; }

    /// <summary>Any other op (LOOKUP, GETATTR, OPEN, ... or an unknownOp): the bytes after the header.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>An INTERRUPT arrived for this op while it was in flight; it still replies.</summary>
    public bool Interrupted { get; set; }

    /// <summary>Bytes the message pins while the op is in flight.</summary>
    public long PinnedBytes => Message?.Storage.Length ?? Blocks!.Blocks.Sum(b => (long)b.Length) + Blocks.BorrowedBlocks.Sum(b => (long)b.Length);

    /// <summary>Payload bytes a WRITE carries, whichever form it took (WriteFileOp.TotalSize as we read it).</summary>
    public int TotalSize => Data?.Length ?? DataBlocks?.Sum(b => b.Length) ?? 0;
}
