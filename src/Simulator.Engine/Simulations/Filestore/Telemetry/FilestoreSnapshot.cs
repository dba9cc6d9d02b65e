using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;

/// <summary>The filestore run at one step: the file as a grid of regions, the latest reads, status counts, and the memory and latencies measured so far.</summary>
public sealed record FilestoreSnapshot(
    string Reader,
    long TimeUs,
    long FileBytes,
    int ChunkBytes,
    int ChunksWritten,
    int ChunksToWrite,
    IReadOnlyList<FileRegionView> Regions,
    IReadOnlyList<BlockReadView> RecentReads,
    IReadOnlyDictionary<int, int> StatusCounts,
    long RssAnonBytes,
    long RssFileBytes,
    long PageCacheBytes,
    long FileResidentBytes,
    long? TruncatedTo,
    int BlocksRead,
    long BytesRead,
    int ReadsPerSecond,
    double LatencyP50Us,
    double LatencyP99Us,
    long PeakRssAnonBytes,
    long PeakRssFileBytes,
    long PeakFileResidentBytes)
{
    /// <summary>Address space mapped by this run's reads in flight (the whole file per mmap read; 0 for std).</summary>
    public long MappedBytes { get; init; }

    public long PeakMappedBytes { get; init; }

    /// <summary>Read buffers (one block-size outbuf per read in flight, either reader).</summary>
    public long BufferBytes { get; init; }

    public long PeakBufferBytes { get; init; }

    /// <summary>Each reader's own process (empty when the readers run in the engine's process).</summary>
    public IReadOnlyList<ReaderProcessView> ReaderProcesses { get; init; } = [];
}
