namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>The mount_config.go fields this simulator uses (PR #198's additions included).</summary>
public sealed record FuseMountConfig
{
    public FuseVariant Variant { get; init; } = FuseVariant.Master;

    public int PageSize { get; init; } = 4096;

    /// <summary>PR #198: the largest message the daemon reads or writes; 0 means 1 MiB, and it can only grow the payload.</summary>
    public uint MaxMessageSize { get; init; }

    public bool EnableVectoredReads { get; init; }

    public bool EnableVectoredWrites { get; init; }

    public bool DisableWritebackCaching { get; init; }

    /// <summary>MaxReadSize and MaxWriteSize of master: 1 MiB on Linux.</summary>
    public const int MaxReadSize = FuseWire.MiB, MaxWriteSize = FuseWire.MiB;

    /// <summary>The payload a message may carry: 1 MiB, or PR #198's MaxMessageSize when larger.</summary>
    public int MaxPayload => Variant == FuseVariant.Pr198 ? Math.Max(Math.Max(MaxReadSize, MaxWriteSize), (int)MaxMessageSize) : MaxWriteSize;

    /// <summary>Bytes one InMessage reads into: page size + payload (master's bufSize, PR #198's inMessageSize).</summary>
    public int InMessageSize => PageSize + MaxPayload;
}
