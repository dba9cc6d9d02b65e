using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>
/// The seed's workload (PR #665's repro), scaled: a sparse file; writers placing chunks in random
/// (or sequential) order at a rate; readers re-reading chunks already written, one FileManager.Get
/// each, through the chosen reader. Optionally the file is cut short once, right after a read has
/// opened it, so that read runs against a file that shrank under it.
/// </summary>
public sealed record FilestoreConfig
{
    /// <summary>The seed's repro file is over 100 GB (sparse: only written chunks take disk).</summary>
    public const long MaxFileBytes = 128L << 30;
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

    /// <summary>Each reader reads in a child process of its own, so its memory, mapping and faults are measured apart (the engine still decides every read).</summary>
    public bool ReaderProcesses { get; init; }

    /// <summary>Virtual time between two reads of one reader (the seed: 1 ms).</summary>
    public double ReadIntervalMs { get; init; } = 5;

    /// <summary>How long readers go on after the last chunk is written.</summary>
    public double TailMs { get; init; } = 100;

    /// <summary>Cut the file to this many bytes once, right after the first read that opens it at or after <see cref="TruncateAtMs"/>.</summary>
    public long? TruncateTo { get; init; }

    public double TruncateAtMs { get; init; }

    public long ChunksInFile => FileBytes / ChunkBytes;

    /// <summary>Chunks to write, in this order (an ops phase or a replay); null: <see cref="ChunksToWrite"/> chunks drawn or in order.</summary>
    public IReadOnlyList<int>? WriteOrder { get; init; }

    /// <summary>Each reader's chunks, in order (an ops phase or a replay); null: readers pick written chunks at random.</summary>
    public IReadOnlyList<IReadOnlyList<int>>? ReaderChunks { get; init; }

    public int ChunkCount => WriteOrder?.Count ?? ChunksToWrite;

    /// <summary>Every problem, by field name as in a scenario file (options and the phase).</summary>
    public IEnumerable<FieldProblem> Problems()
    {
        static bool Ms(double v) => v is >= 0 and <= 3_600_000;
        if (ChunkBytes < 1 || ChunkBytes > MaxChunkBytes)
        {
            yield return new("chunkBytes", $"must be from 1 to {MaxChunkBytes}, got {ChunkBytes}");
            yield break;
        }

        if (FileBytes < ChunkBytes || FileBytes > MaxFileBytes)
        {
            yield return new("fileBytes", $"must be from chunkBytes ({ChunkBytes}) to {MaxFileBytes}, got {FileBytes}");
            yield break;
        }

        if (WriteOrder is null && (ChunksToWrite < 1 || ChunksToWrite > ChunksInFile))
        {
            yield return new("chunksToWrite", $"must be from 1 to the chunks in the file ({ChunksInFile}), got {ChunksToWrite}");
        }
        else if ((long)ChunkCount * ChunkBytes > MaxWrittenBytes)
        {
            yield return new(WriteOrder is null ? "chunksToWrite" : "ops", $"chunks written × chunkBytes is {(long)ChunkCount * ChunkBytes} bytes; at most {MaxWrittenBytes} are written per run");
        }

        if (WriteOrder is { } order && (order.Count == 0 || order.Any(c => c < 0 || c >= ChunksInFile) || order.Distinct().Count() != order.Count))
        {
            yield return new("ops", $"writes must name distinct chunks from 0 to {ChunksInFile - 1}, at least one", "each wN writes chunk N once");
        }

        if (ReaderChunks is { } reads && WriteOrder is { } written && reads.SelectMany(r => r).FirstOrDefault(c => !written.Contains(c), -1) is var unread and >= 0)
        {
            yield return new("ops", $"chunk {unread} is read but never written", $"add w{unread}");
        }

        if (Writers is < 1 or > MaxActors)
        {
            yield return new("writers", $"must be from 1 to {MaxActors}, got {Writers}");
        }

        if (Readers is < 0 or > MaxActors)
        {
            yield return new("readers", $"must be from 0 to {MaxActors}, got {Readers}");
        }

        if (!(WriteMbps is >= 0.001 and <= 100_000))
        {
            yield return new("writeMbps", $"must be from 0.001 to 100000, got {WriteMbps}");
        }

        if (!(ReadIntervalMs is >= 0.01 and <= 3_600_000))
        {
            yield return new("readIntervalMs", $"must be from 0.01 to 3600000, got {ReadIntervalMs}");
        }

        if (!Ms(TailMs))
        {
            yield return new("tailMs", $"must be from 0 to 3600000, got {TailMs}");
        }

        if (!Ms(TruncateAtMs))
        {
            yield return new("truncateAtMs", $"must be from 0 to 3600000, got {TruncateAtMs}");
        }

        if (TruncateTo is { } to && (to < 0 || to > FileBytes))
        {
            yield return new("truncateTo", $"must be from 0 to fileBytes ({FileBytes}), got {to}");
        }
    }

    /// <summary>The first problem as one line, or null.</summary>
    public string? Problem() => FieldProblem.FirstOf(Problems());
}
