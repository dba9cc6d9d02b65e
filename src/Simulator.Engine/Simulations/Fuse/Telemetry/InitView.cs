namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>
/// The INIT exchange: the protocol the kernel offered, every field of the daemon's fuse_init_out,
/// and what the kernel kept (max_pages after its limit, the largest requests, the read buffer it needs).
/// </summary>
public sealed record InitView(uint Minor, uint Flags, uint MaxWrite, ushort MaxPagesSent, int MaxPagesLimit, int KernelMaxPages, long MaxReadRequest, long MaxWriteRequest, int MinReadBuffer)
{
    public uint Major { get; init; } = 7;

    /// <summary>The minor version the kernel offered in fuse_init_in (Linux 6.18: 45; the reply's is the lower of it and the library's 34).</summary>
    public uint KernelMinor { get; init; }

    /// <summary>The reply's max_readahead (jacobsa/fuse: 1 MiB).</summary>
    public uint MaxReadahead { get; init; }

    /// <summary>The max_readahead the kernel offered in fuse_init_in.</summary>
    public uint KernelMaxReadahead { get; init; }

    /// <summary>The readahead window the kernel kept: the lower of the two, in whole pages (what a buffered READ asks for at most).</summary>
    public int Readahead { get; init; }

    public ushort MaxBackground { get; init; }

    public ushort CongestionThreshold { get; init; }

    /// <summary>Timestamp granularity in nanoseconds.</summary>
    public uint TimeGran { get; init; }
}
