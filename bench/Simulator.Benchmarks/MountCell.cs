using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// One daemon at one block size, one repeat: dd's write and read GB/s (each as dd timed it), whether
/// both transfers were checked intact, the largest READ and WRITE the kernel sent, our daemons'
/// per-request costs (null for the C daemon), what went wrong, if anything, and whether it is a retry.
/// </summary>
internal sealed record MountCell(string Daemon, int BlockBytes, double WriteGBps, double ReadGBps, bool Verified, long LargestRead, long LargestWrite, DataRequestCosts? Costs, string? Problem)
{
    /// <summary>The first attempt of this cell failed and this is its one retry.</summary>
    public bool Retried { get; init; }
}
