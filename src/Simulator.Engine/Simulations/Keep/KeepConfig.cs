using System.Numerics;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// A keepstore's configuration. Sizes and bandwidths are keepstore's at <see cref="Scale"/> 1;
/// a larger scale (a power of two) divides every size and bandwidth by it, so a teaching run keeps
/// every ratio and every virtual time while moving fewer real bytes.
/// </summary>
public sealed record KeepConfig
{
    /// <summary>keepstore's BlockSize and buffer size: 64 MiB.</summary>
    public const int FullBlockSize = 1 << 26;

    /// <summary>streamWriterAt's part size: 64 KiB.</summary>
    public const int FullPartSize = 1 << 16;

    public const int MaxScale = 1 << 16;
    public const int MaxBuffersLimit = 4096;
    public const int MaxRequestsLimit = 100_000;

    /// <summary>Most real bytes the buffers of one run may take (MaxBuffers × buffer size).</summary>
    public const long MaxBufferBytes = 1L << 31;

    public KeepServerMode Mode { get; init; } = KeepServerMode.Current;

    public int Scale { get; init; } = 1;

    /// <summary>API.MaxKeepBlobBuffers (legacy MaxBuffers).</summary>
    public int MaxBuffers { get; init; } = 128;

    /// <summary>API.MaxConcurrentRequests.</summary>
    public int MaxConcurrentRequests { get; init; } = 64;

    /// <summary>API.MaxQueuedRequests.</summary>
    public int MaxQueuedRequests { get; init; } = 128;

    /// <summary>Legacy MaxRequests; 0 means the legacy default, 2 × MaxBuffers.</summary>
    public int LegacyMaxRequests { get; init; }

    /// <summary>#10541 left open whether requests sharing a fetch get bytes while the buffer fills; true streams them.</summary>
    public bool StreamWhileFilling { get; init; } = true;

    public int Volumes { get; init; } = 2;

    public const int MaxVolumes = 16;

    public double VolumeLatencyMs { get; init; } = 20;

    /// <summary>Volume read bandwidth at scale 1, MiB/s.</summary>
    public double VolumeMiBps { get; init; } = 200;

    /// <summary>Parts a volume writes concurrently (out-of-order WriteAt).</summary>
    public int VolumeParallelParts { get; init; } = 4;

    /// <summary>Per volume, in configuration order: replication, storage classes, read-only, write faults (volumes not named keep 1, default, writable, no fault).</summary>
    public IReadOnlyList<KeepVolumeSettings> VolumeSettings { get; init; } = [];

    /// <summary>How the volumes' reads share bandwidth: S3-like (each read at the whole bandwidth; the default, as before) or unix (one disk each, shared).</summary>
    public VolumeKind VolumeKind { get; init; } = VolumeKind.S3;

    /// <summary>Bytes a volume writes per WriteAt at scale 1 (one simulated step each).</summary>
    public int VolumeChunkBytes { get; init; } = 8 << 20;

    /// <summary>Each client's bandwidth at scale 1, MiB/s.</summary>
    public double ClientMiBps { get; init; } = 100;

    /// <summary>Virtual time between garbage collections (sync.Pool drops idle buffers); 0 for none.</summary>
    public double GcIntervalMs { get; init; }

    public int BufferSize => FullBlockSize / Scale;

    public int PartSize => FullPartSize / Scale;

    public int ChunkSize => Math.Max(PartSize, VolumeChunkBytes / Scale);

    public int EffectiveLegacyMaxRequests => LegacyMaxRequests > 0 ? LegacyMaxRequests : 2 * MaxBuffers;

    /// <summary>Bytes per second at this scale for a rate in MiB/s at scale 1.</summary>
    public double BytesPerSecond(double mibps) => mibps * (1 << 20) / Scale;

    /// <summary>Every problem with this configuration, by field name (as in scenario files' options).</summary>
    public IEnumerable<FieldProblem> Problems()
    {
        if (Scale < 1 || Scale > MaxScale || !BitOperations.IsPow2(Scale))
        {
            yield return new("scale", $"must be a power of two from 1 to {MaxScale}, got {Scale}");
            yield break;
        }

        if (MaxBuffers < 1 || MaxBuffers > MaxBuffersLimit)
        {
            yield return new("maxBuffers", $"(API.MaxKeepBlobBuffers) must be from 1 to {MaxBuffersLimit}, got {MaxBuffers}");
        }
        else if ((long)MaxBuffers * BufferSize > MaxBufferBytes)
        {
            yield return new("maxBuffers", $"maxBuffers × buffer size is {(long)MaxBuffers * BufferSize} bytes; at most {MaxBufferBytes}", "raise scale");
        }

        foreach ((string field, int value) in new[] { ("maxConcurrentRequests", MaxConcurrentRequests), ("maxQueuedRequests", MaxQueuedRequests), ("legacyMaxRequests", LegacyMaxRequests) })
        {
            if (value is < 0 or > MaxRequestsLimit)
            {
                yield return new(field, $"must be from 0 to {MaxRequestsLimit}, got {value}");
            }
        }

        if (Volumes is < 1 or > MaxVolumes)
        {
            yield return new("volumes", $"must be from 1 to 16, got {Volumes}");
        }

        if (!(VolumeLatencyMs is >= 0 and <= 60_000))
        {
            yield return new("volumeLatencyMs", $"must be from 0 to 60000, got {VolumeLatencyMs}");
        }

        foreach ((string field, double value) in new[] { ("volumeMiBps", VolumeMiBps), ("clientMiBps", ClientMiBps) })
        {
            if (!(value is >= 1 and <= 100_000))
            {
                yield return new(field, $"must be from 1 to 100000, got {value}");
            }
        }

        if (VolumeSettings.Count > Volumes)
        {
            yield return new("volumeSettings", $"names {VolumeSettings.Count} volumes, but there are {Volumes}", "raise volumes or remove settings");
        }

        foreach (KeepVolumeSettings settings in VolumeSettings.Where(v => v.Replication is < 1 or > KeepVolumeSettings.MaxReplication))
        {
            yield return new("volumeSettings", $"replication must be from 1 to {KeepVolumeSettings.MaxReplication}, got {settings.Replication}");
        }

        if (VolumeKind != VolumeKind.Unix && VolumeSettings.Any(v => v.Serialize))
        {
            yield return new("volumeSettings", $"serialize is the unix driver's option (DriverParameters.Serialize); volumeKind is {VolumeKind.ToString().ToLowerInvariant()}", "set volumeKind: unix or remove serialize");
        }

        if (VolumeParallelParts is < 1 or > 64)
        {
            yield return new("volumeParallelParts", $"must be from 1 to 64, got {VolumeParallelParts}");
        }

        if (VolumeChunkBytes < FullPartSize || VolumeChunkBytes > FullBlockSize)
        {
            yield return new("volumeChunkBytes", $"must be from {FullPartSize} to {FullBlockSize}, got {VolumeChunkBytes}");
        }

        if (!(GcIntervalMs is >= 0 and <= 3_600_000))
        {
            yield return new("gcIntervalMs", $"must be from 0 to 3600000, got {GcIntervalMs}");
        }
    }

    /// <summary>The first problem as one line, or null.</summary>
    public string? Problem() => FieldProblem.FirstOf(Problems());
}
