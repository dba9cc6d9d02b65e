using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>The three daemons the FUSE workloads run against.</summary>
public enum FuseMode
{
    /// <summary>jacobsa/fuse master: contiguous 1 MiB InMessages.</summary>
    Master,

    /// <summary>PR #198 with vectored reads and writes on.</summary>
    Vectored,

    /// <summary>PR #198 with vectored I/O off: large messages in blocks, copied to the heap when they span them.</summary>
    ContiguousLarge,
}
