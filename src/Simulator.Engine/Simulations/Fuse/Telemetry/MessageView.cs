namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>
/// The last op's message as drawn: each block's size and how much of it the request fills (the
/// 40-byte header first), the reply's iovec lengths, and the blocks borrowed for its destination.
/// The layout properties say where every byte went, read from the op's own memory: the message's
/// parts in the buffers, what the file system was handed, the library's heap copies, and the
/// memory each reply iovec points into.
/// </summary>
public sealed record MessageView(ulong Unique, string Opcode, int RequestBytes, string Buffer, IReadOnlyList<BlockView> Blocks, IReadOnlyList<int> ReplyIovecs, int BorrowedBlocks)
{
    /// <summary>The bytes the op asks for: a READ's size, a WRITE's payload.</summary>
    public int OpSize { get; init; }

    /// <summary>Every piece of memory the op's bytes touch; spans index into it.</summary>
    public IReadOnlyList<DaemonBuffer> Buffers { get; init; } = [];

    /// <summary>The message in the kernel's order: header, op struct, payload.</summary>
    public IReadOnlyList<MessagePart> Parts { get; init; } = [];

    /// <summary>What the file system was handed: a READ's Dst or DstBufs, a WRITE's Data or DataBlocks (empty: nil).</summary>
    public IReadOnlyList<BufferSpan> Handed { get; init; } = [];

    /// <summary>The library's user-space copies for this op.</summary>
    public IReadOnlyList<HeapCopy> Copies { get; init; } = [];

    /// <summary>The reply's writev, once replied (empty before).</summary>
    public IReadOnlyList<ReplyIovec> Reply { get; init; } = [];
}
