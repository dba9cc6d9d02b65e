using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Models.Filestore;

/// <summary>
/// The seed's workload (PR #665's repro), scaled: a sparse file; writers placing chunks in random
/// (or sequential) order at a rate; readers re-reading chunks already written, one FileManager.Get
/// each, through the chosen reader. Optionally the file is cut short once, right after a read has
/// opened it, so that read runs against a file that shrank under it.
/// </summary>
public sealed record FilestoreConfig
{
    public const long MaxFileBytes = 64L << 30;
    public const long MaxWrittenBytes = 1L << 30;
    public const int MaxChunkBytes = 16 << 20;
    public const int MaxActors = 64;

    public ReaderKind Reader { get; init; } = ReaderKind.Std;

    /// <summary>The sparse file's size (4 GiB by default).</summary>
    public long FileBytes { get; init; } = 4L << 30;

    /// <summary>Block size (boxo's default chunker: 256 KiB).</summary>
    public int ChunkBytes { get; init; } = 256 << 10;

    /// <summary>How many chunks the writers place (distinct chunks of the file).</summary>
    public int ChunksToWrite { get; init; } = 256;

    public int Writers { get; init; } = 2;

    /// <summary>All writers together, in megabits per second (the seed: 200 Mbps token buckets).</summary>
    public double WriteMbps { get; init; } = 200;

    /// <summary>Chunks placed in random order (the seed) or from the start of the file.</summary>
    public bool RandomOrder { get; init; } = true;

    public int Readers { get; init; } = 4;

    /// <summary>Virtual time between two reads of one reader (the seed: 1 ms).</summary>
    public double ReadIntervalMs { get; init; } = 5;

    /// <summary>How long readers go on after the last chunk is written.</summary>
    public double TailMs { get; init; } = 100;

    /// <summary>Cut the file to this many bytes once, right after the first read that opens it at or after <see cref="TruncateAtMs"/>.</summary>
    public long? TruncateTo { get; init; }

    public double TruncateAtMs { get; init; }

    public long ChunksInFile => FileBytes / ChunkBytes;

    /// <summary>The first problem with this configuration (field and bound), or null.</summary>
    public string? Problem()
    {
        static bool Ms(double v) => v is >= 0 and <= 3_600_000;
        return ChunkBytes < 1 || ChunkBytes > MaxChunkBytes ? $"chunkBytes must be from 1 to {MaxChunkBytes}, got {ChunkBytes}"
            : FileBytes < ChunkBytes || FileBytes > MaxFileBytes ? $"fileBytes must be from chunkBytes ({ChunkBytes}) to {MaxFileBytes}, got {FileBytes}"
            : ChunksToWrite < 1 || ChunksToWrite > ChunksInFile ? $"chunksToWrite must be from 1 to the chunks in the file ({ChunksInFile}), got {ChunksToWrite}"
            : (long)ChunksToWrite * ChunkBytes > MaxWrittenBytes ? $"chunksToWrite × chunkBytes is {(long)ChunksToWrite * ChunkBytes} bytes; at most {MaxWrittenBytes} are written per run"
            : Writers is < 1 or > MaxActors ? $"writers must be from 1 to {MaxActors}, got {Writers}"
            : Readers is < 0 or > MaxActors ? $"readers must be from 0 to {MaxActors}, got {Readers}"
            : !(WriteMbps is >= 0.001 and <= 100_000) ? $"writeMbps must be from 0.001 to 100000, got {WriteMbps}"
            : !(ReadIntervalMs is >= 0.01 and <= 3_600_000) ? $"readIntervalMs must be from 0.01 to 3600000, got {ReadIntervalMs}"
            : !Ms(TailMs) ? $"tailMs must be from 0 to 3600000, got {TailMs}"
            : !Ms(TruncateAtMs) ? $"truncateAtMs must be from 0 to 3600000, got {TruncateAtMs}"
            : TruncateTo is { } to && (to < 0 || to > FileBytes) ? $"truncateTo must be from 0 to fileBytes ({FileBytes}), got {to}"
            : null;
    }
}
