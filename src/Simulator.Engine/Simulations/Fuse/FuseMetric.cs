using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>The FUSE daemon's metrics, declared once.</summary>
public static class FuseMetric
{
    public static readonly MetricDefinition TimeMs = new("fuse.time_ms", "ms", "virtual time");
    public static readonly MetricDefinition Ops = new("fuse.ops", "{op}", "READ and WRITE ops replied");
    public static readonly MetricDefinition BytesServed = new("fuse.bytes_served", "By", "bytes read back plus bytes written");
    public static readonly MetricDefinition HeapBytes = new("fuse.heap_bytes", "By", "heap bytes the library allocated (InMessages, Grow, heap fallbacks, fresh blocks)");
    public static readonly MetricDefinition HeapBytesMeasured = new("fuse.heap_bytes_measured", "By", "heap bytes allocated on the serving thread, measured");
    public static readonly MetricDefinition BytesCopied = new("fuse.bytes_copied", "By", "payload bytes the library copied in user space");
    public static readonly MetricDefinition FsBytesCopied = new("fuse.fs_bytes_copied", "By", "bytes the file system copied (the copies it must make)");
    public static readonly MetricDefinition PinnedBytes = new("fuse.pinned_bytes", "By", "bytes held by InMessages");
    public static readonly MetricDefinition InFlight = new("fuse.in_flight", "{op}", "ops read and not yet replied");
    public static readonly MetricDefinition WritevElements = new("fuse.writev_elements", "{iovec}", "iovec elements written");
    public static readonly MetricDefinition BlocksFresh = new("fuse.blocks_fresh", "{block}", "blocks the pools allocated fresh");
    public static readonly MetricDefinition PoolOverflows = new("fuse.pool_overflows", "{block}", "blocks put into the overflow sync.Pool");
    public static readonly MetricDefinition Pool1M = new("fuse.pool_1m", "{block}", "BlockPool1M list length (of 48)");
    public static readonly MetricDefinition Pool1MPlusPage = new("fuse.pool_1m_plus_page", "{block}", "BlockPool1MPlusPage list length (of 8)");
    public static readonly MetricDefinition DstNil = new("fuse.dst_nil", "{op}", "READs with no destination (the #189 condition)");
    public static readonly MetricDefinition Errors = new("fuse.errors", "{error}", "failed replies and daemon read errors");

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        TimeMs, Ops, BytesServed, HeapBytes, HeapBytesMeasured, BytesCopied, FsBytesCopied, PinnedBytes, InFlight,
        WritevElements, BlocksFresh, PoolOverflows, Pool1M, Pool1MPlusPage, DstNil, Errors,
    ];
}
