namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// A storage backend as keepstore's volume interface sees it (services/keepstore/volume.go:
/// BlockRead(ctx, hash, io.WriterAt), BlockWrite): real blocks by hash, with a first-byte latency,
/// a bandwidth, how many parts it writes concurrently (so WriteAt arrives out of order, as the S3
/// driver's parallel range reads do) and injected faults per hash.
/// </summary>
public sealed class KeepVolume(string uuid, TimeSpan latency, double bytesPerSecond, int parallelParts = 1, int priority = 0)
{
    private readonly Dictionary<string, StoredBlock> _blocks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VolumeFault> _faults = new(StringComparer.Ordinal);

    public string Uuid { get; } = uuid;

    public TimeSpan Latency { get; } = latency;

    public double BytesPerSecond { get; } = bytesPerSecond > 0 ? bytesPerSecond : throw new ArgumentOutOfRangeException(nameof(bytesPerSecond));

    public int ParallelParts { get; } = Math.Max(1, parallelParts);

    public int Priority { get; } = priority;

    /// <summary>Replicas a block written here counts for (a volume's Replication; at least 1).</summary>
    public int Replication { get; set; } = 1;

    /// <summary>The storage classes it holds ("default" when a volume names none, as setupMounts does).</summary>
    public IReadOnlyList<string> StorageClasses { get; set; } = ["default"];

    /// <summary>Whether BlockWrite may write here (mountsW: not ReadOnly).</summary>
    public bool Writable { get; set; } = true;

    /// <summary>Whether concurrent reads share the volume's bandwidth (unix: one disk) or not (S3-like).</summary>
    public VolumeKind Kind { get; init; }

    /// <summary>The unix driver's Serialize option: one read, compare or write at a time, through <see cref="Lock"/>.</summary>
    public bool Serialize { get; set; }

    /// <summary>The Serialize mutex (used only when <see cref="Serialize"/> is set).</summary>
    public SerializeLock Lock { get; } = new();

    /// <summary>Reads in progress now (between <see cref="BeginRead"/> and <see cref="EndRead"/>).</summary>
    public int ActiveReads { get; private set; }

    public void BeginRead() => ActiveReads++;

    public void EndRead() => ActiveReads--;

    /// <summary>
    /// Virtual time to read <paramref name="bytes"/> now: at the whole bandwidth on an S3-like
    /// volume; on a unix volume at its share of the disk among the reads in progress (counted when
    /// the piece starts: a read's pieces speed up or slow down as others come and go).
    /// </summary>
    public TimeSpan ReadTime(long bytes) => TransferTime(bytes) * (Kind == VolumeKind.Unix ? Math.Max(1, ActiveReads) : 1);

    /// <summary>How this volume's writes fail, if they do: full (errFull) or any other error.</summary>
    public VolumeWriteFault WriteFault { get; set; }

    public int BlockCount => _blocks.Count;

    public bool Contains(string hash) => _blocks.ContainsKey(hash);

    /// <summary>Stores <paramref name="data"/> under <paramref name="hash"/> (its MD5, unless a test stores a corrupt block on purpose).</summary>
    public void Store(string hash, byte[] data) => _blocks[hash] = new StoredBlock(data);

    public void InjectFault(string hash, VolumeFault fault) => _faults[hash] = fault;

    public VolumeFault? FaultOf(string hash) => _faults.GetValueOrDefault(hash);

    /// <summary>The stored bytes as a read returns them: corrupt ones have their first byte flipped.</summary>
    public StoredBlock? Read(string hash)
    {
        if (!_blocks.TryGetValue(hash, out StoredBlock? data))
        {
            return null;
        }

        return FaultOf(hash) is { Corrupt: true } && data.Length > 0 ? data.Corrupted() : data;
    }

    /// <summary>BlockWrite on this volume: stores the block unless its writes fail; says how it went.</summary>
    public VolumeWriteFault Write(string hash, byte[] data)
    {
        if (WriteFault == VolumeWriteFault.None)
        {
            Store(hash, data);
        }

        return WriteFault;
    }

    /// <summary>Virtual time to transfer <paramref name="bytes"/> at this volume's bandwidth.</summary>
    public TimeSpan TransferTime(long bytes) => TimeSpan.FromTicks((long)Math.Round(bytes / BytesPerSecond * TimeSpan.TicksPerSecond));
}
