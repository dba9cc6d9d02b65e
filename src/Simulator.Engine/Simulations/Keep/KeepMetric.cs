using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>Keepstore's metrics, declared once; upstream's Prometheus names where keepstore has them.</summary>
public static class KeepMetric
{
    public static readonly MetricDefinition TimeMs = new("keep.time_ms", "ms", "virtual time");
    public static readonly MetricDefinition InUseBuffers = new("arvados_keepstore_bufferpool_inuse_buffers", "{buffer}", "buffers in use");
    public static readonly MetricDefinition MaxBuffers = new("arvados_keepstore_bufferpool_max_buffers", "{buffer}", "MaxKeepBlobBuffers");
    public static readonly MetricDefinition AllocatedBytes = new("arvados_keepstore_bufferpool_allocated_bytes", "By", "bytes allocated for buffers (never decreases)");
    public static readonly MetricDefinition LiveBufferBytes = new("keep.live_buffer_bytes", "By", "estimated live buffer memory: in use plus idle, less what GC dropped");
    public static readonly MetricDefinition ConcurrentRequests = new("arvados_concurrent_requests", "{request}", "handlers running");
    public static readonly MetricDefinition QueuedRequests = new("arvados_queued_requests", "{request}", "requests in the limiter's queue");
    public static readonly MetricDefinition BufferWaiters = new("keep.buffer_waiters", "{request}", "requests blocked for a buffer");
    public static readonly MetricDefinition Requests = new("keep.requests", "{request}", "requests arrived");
    public static readonly MetricDefinition Responses = new("keep.responses", "{request}", "requests answered");
    public static readonly MetricDefinition VolumeReads = new("keep.volume_reads", "{read}", "BlockRead calls on volumes");
    public static readonly MetricDefinition BytesFromVolumes = new("keep.bytes_from_volumes", "By", "bytes read from volumes");
    public static readonly MetricDefinition BytesServed = new("keep.bytes_served", "By", "bytes sent to clients");
    public static readonly MetricDefinition CoalescingRatio = new("keep.coalescing_ratio", "1", "bytes served per byte read from volumes");
    public static readonly MetricDefinition SharedResults = new("keep.shared_results", "{request}", "responses served from a fetch or buffer another request paid for");
    public static readonly MetricDefinition CacheHits = new("keep.cache_hits", "{request}", "GETs served from a Ready buffer");
    public static readonly MetricDefinition ErrorFanout = new("keep.error_fanout", "{request}", "requests that got the error of a fetch they shared");
    public static readonly MetricDefinition Evictions = new("keep.evictions", "{buffer}", "Ready buffers reused for another block");
    public static readonly MetricDefinition BufferWaitMs = new("keep.buffer_wait_ms", "ms", "total time requests waited for a buffer");
    public static readonly MetricDefinition LatencyP50Ms = new("keep.latency_p50_ms", "ms", "median response time so far");
    public static readonly MetricDefinition LatencyP99Ms = new("keep.latency_p99_ms", "ms", "99th percentile response time so far");
    public static readonly MetricDefinition Truncated = new("keep.truncated", "{request}", "GETs whose error came after bytes were sent");

    /// <summary>Statuses with a metric of their own (the report's responses object has every status seen).</summary>
    public static readonly IReadOnlyList<int> ChartedStatuses = [200, 400, 404, 413, 499, 500, 502, 503];

    private static readonly Dictionary<int, MetricDefinition> StatusMetrics = ChartedStatuses.ToDictionary(
        s => s, s => new MetricDefinition(string.Create(CultureInfo.InvariantCulture, $"keep.status.{s}"), "{request}", string.Create(CultureInfo.InvariantCulture, $"responses with status {s}")));

    /// <summary>Responses with <paramref name="status"/>, one of <see cref="ChartedStatuses"/>.</summary>
    public static MetricDefinition Status(int status) => StatusMetrics[status];

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        TimeMs, InUseBuffers, MaxBuffers, AllocatedBytes, LiveBufferBytes, ConcurrentRequests, QueuedRequests, BufferWaiters,
        Requests, Responses, VolumeReads, BytesFromVolumes, BytesServed, CoalescingRatio, SharedResults, CacheHits, ErrorFanout,
        Evictions, BufferWaitMs, LatencyP50Ms, LatencyP99Ms, Truncated, .. ChartedStatuses.Select(Status),
    ];
}
