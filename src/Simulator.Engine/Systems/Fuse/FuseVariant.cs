namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>Which jacobsa/fuse reads messages.</summary>
public enum FuseVariant
{
    /// <summary>master (6ac65ea): one contiguous InMessage of page + 1 MiB; MaxPages = 1 MiB / page (#189).</summary>
    Master,

    /// <summary>master before #189 (f1ba38d): MaxPages hard-coded to 256, whatever the page size.</summary>
    MasterPre189,

    /// <summary>PR #198: block pools, readv, MaxMessageSize, vectored reads and writes.</summary>
    Pr198,
}
