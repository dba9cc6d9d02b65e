namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>The kernel's side of a negotiated connection: request sizes it will send, and the smallest read buffer it accepts.</summary>
public sealed record KernelLimits(int PageSize, int MaxWrite, int MaxPages)
{
    /// <summary>The readahead window in bytes (the bdi's ra_pages after INIT: min(the kernel's, the reply's max_readahead), whole pages).</summary>
    public int Readahead { get; init; } = LinuxInit.DefaultMaxReadahead;

    /// <summary>The most data a READ request asks for (max_pages pages): what direct I/O sends.</summary>
    public long MaxReadRequest => (long)MaxPages * PageSize;

    /// <summary>The most data a buffered READ asks for: the page cache reads ahead at most the readahead window (at least a page), within max_pages.</summary>
    public long MaxBufferedReadRequest => Math.Min(MaxReadRequest, Math.Max(PageSize, Readahead));

    /// <summary>The most data a WRITE request carries: min(max_write, max_pages pages).</summary>
    public long MaxWriteRequest => Math.Min(MaxWrite, MaxReadRequest);

    /// <summary>A read of /dev/fuse into fewer bytes fails with EINVAL: max(8192, 40 + 40 + max_write).</summary>
    public int MinReadBuffer => Math.Max(FuseWire.MinReadBuffer, FuseWire.InHeaderSize + FuseWire.WriteInSize + MaxWrite);
}
