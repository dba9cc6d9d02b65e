using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.Filestore;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>The filestore readers' metrics, declared once.</summary>
public static class FilestoreMetric
{
    public static readonly MetricDefinition TimeMs = new("filestore.time_ms", "ms", "virtual time");
    public static readonly MetricDefinition ChunksWritten = new("filestore.chunks_written", "{chunk}", "chunks written to the file");
    public static readonly MetricDefinition BlocksRead = new("filestore.blocks_read", "{block}", "block reads through the FileManager");
    public static readonly MetricDefinition BytesRead = new("filestore.bytes_read", "By", "bytes read back");
    public static readonly MetricDefinition ReadsPerSecond = new("filestore.reads_per_second", "{read}/s", "block reads in the last virtual second");
    public static readonly MetricDefinition HeapBytes = new("filestore.heap_bytes", "By", "outbuf bytes allocated on the heap (one Size buffer per read)");
    public static readonly MetricDefinition ReadLatencyP50Us = new("filestore.read_latency_p50_us", "us", "median measured read time (open, ReadAt, close, CID check)");
    public static readonly MetricDefinition ReadLatencyP99Us = new("filestore.read_latency_p99_us", "us", "99th percentile measured read time");
    public static readonly MetricDefinition RssAnonBytes = new("filestore.rss_anon_bytes", "By", "process resident anonymous memory (/proc/self/status RssAnon)");
    public static readonly MetricDefinition RssFileBytes = new("filestore.rss_file_bytes", "By", "process resident file-backed memory (RssFile)");
    public static readonly MetricDefinition PageCacheBytes = new("filestore.page_cache_bytes", "By", "system page cache (/proc/meminfo Cached)");
    public static readonly MetricDefinition FileResidentBytes = new("filestore.file_resident_bytes", "By", "bytes of the file in the page cache (mincore)");

    private static readonly Dictionary<FilestoreStatus, MetricDefinition> StatusMetrics = Enum.GetValues<FilestoreStatus>().ToDictionary(
        s => s, s => new MetricDefinition(string.Create(CultureInfo.InvariantCulture, $"filestore.status.{(int)s}"), "{read}",
            string.Create(CultureInfo.InvariantCulture, $"reads with status {(int)s} ({FilestoreErrors.StatusText(s)})")));

    /// <summary>Reads that ended with <paramref name="status"/>.</summary>
    public static MetricDefinition Status(FilestoreStatus status) => StatusMetrics[status];

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        TimeMs, ChunksWritten, BlocksRead, BytesRead, ReadsPerSecond, HeapBytes, ReadLatencyP50Us, ReadLatencyP99Us,
        RssAnonBytes, RssFileBytes, PageCacheBytes, FileResidentBytes, .. Enum.GetValues<FilestoreStatus>().Select(Status),
    ];
}
