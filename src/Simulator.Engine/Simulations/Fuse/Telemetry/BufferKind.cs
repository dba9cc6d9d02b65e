namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>What a piece of memory an op uses is: the message's own buffers, blocks borrowed for a reply, the heap, the file, or the reply's header.</summary>
public enum BufferKind
{
    /// <summary>master's contiguous InMessage (page + 1 MiB), made once and reused from the freelist.</summary>
    InMessage,

    /// <summary>PR #198's block 0 (1 MiB + page, from BlockPool1MPlusPage).</summary>
    Block0,

    /// <summary>PR #198's further 1 MiB blocks of the message (BlockPool1M).</summary>
    PoolBlock,

    /// <summary>PR #198's 1 MiB blocks borrowed from BlockPool1M for a vectored READ's destination (DstBufs).</summary>
    BorrowedBlock,

    /// <summary>Bytes allocated on the heap for this op (a copy, a GetFree fallback, Grow).</summary>
    Heap,

    /// <summary>The file system's own memory (a READ answered from Data).</summary>
    FileSystem,

    /// <summary>The OutMessage's 16-byte fuse_out_header, the reply's first iovec.</summary>
    OutHeader,
}
