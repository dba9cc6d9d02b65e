using System.Globalization;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>The keep model as views, reports and the peak read it: its snapshot, summary, metrics and what holds its buffers.</summary>
public sealed partial class KeepModel
{
    public KeepSnapshot Snapshot()
    {
        KeepBufferView[] buffers = Config.Mode == KeepServerMode.Coalescing
            ? [.. Cache.Buffers.Select(b => new KeepBufferView(b.Index, b.State.ToString(), b.Hash, b.Refs,
                b.State is SharedBufferState.Ready ? b.LastRead / 10 : null, null, b.Filled, b.BlockSize))]
            : _ledger.Views(Pool, _requests);
        return new KeepSnapshot(KeepChoices.Modes.NameOf(Config.Mode), VirtualTime.Micros(Now), buffers, Config.MaxBuffers, BufferWaiters,
            [.. _requests.Select(r => r.View())], [.. _flights.Select(f => f.View())],
            Config.Mode == KeepServerMode.Legacy ? LegacyRunning : Limiter.Handling,
            Config.Mode == KeepServerMode.Legacy ? Config.EffectiveLegacyMaxRequests : Limiter.MaxConcurrent,
            Limiter.Queued, Config.Mode == KeepServerMode.Legacy ? 0 : Limiter.MaxQueue);
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{KeepChoices.Modes.NameOf(Config.Mode)}: {Counters.ResponseCount}/{Counters.Requests} answered ({string.Join(", ", Counters.Responses.Select(kv => $"{kv.Value}×{kv.Key}"))}), {Counters.VolumeReads} volume reads, {BuffersInUse} buffers in use");

    public string HeldMeasure => "bytes of buffers held by requests";

    public long HeldBytes => Config.Mode == KeepServerMode.Coalescing
        ? Cache.Buffers.Where(b => b.Refs > 0).Sum(b => (long)b.Data.Length)
        : _ledger.Held().Sum(h => (long)h.Bytes);

    /// <summary>Pool buffers with the request holding each; #10541's shared buffers with every request reading from them.</summary>
    public IReadOnlyList<PeakHolding> Holdings() => Config.Mode == KeepServerMode.Coalescing
        ? [
            .. Cache.Buffers.Where(b => b.Refs > 0).Select(b => new PeakHolding(
                $"shared buffer #{b.Index}", b.Data.Length,
                string.Join(", ", _requests.Where(r => r.SharedBuffer == b).Select(Holder)),
                $"block {b.Hash?[..8]}…, {b.State.ToString().ToLowerInvariant()}, {b.Refs} reference(s)")),
        ]
        : [
            .. _ledger.Held().Select(h =>
            {
                KeepRequest request = _requests[h.Request - 1];
                return new PeakHolding($"buffer #{h.Index}", h.Bytes, Holder(request),
                    $"{request.Method} {request.Locator.Hash[..8]}…, {request.Phase.ToString().ToLowerInvariant()}");
            }),
        ];

    private static string Holder(KeepRequest request) => $"request {request.Id} ({request.Actor?.Name ?? "?"})";

    public IReadOnlyList<MetricValue> Metrics()
    {
        bool coalescing = Config.Mode == KeepServerMode.Coalescing;
        var metrics = new List<MetricValue>
        {
            KeepMetric.TimeMs.With(Now.TotalMilliseconds),
            KeepMetric.InUseBuffers.With(BuffersInUse),
            KeepMetric.MaxBuffers.With(Config.MaxBuffers),
            KeepMetric.AllocatedBytes.With(AllocatedBytes),
            KeepMetric.LiveBufferBytes.With(LiveBufferBytes),
            KeepMetric.ConcurrentRequests.With(Config.Mode == KeepServerMode.Legacy ? LegacyRunning : Limiter.Handling),
            KeepMetric.QueuedRequests.With(Limiter.Queued),
            KeepMetric.BufferWaiters.With(BufferWaiters),
            KeepMetric.Requests.With(Counters.Requests),
            KeepMetric.Responses.With(Counters.ResponseCount),
            KeepMetric.VolumeReads.With(Counters.VolumeReads),
            KeepMetric.BytesFromVolumes.With(Counters.BytesFromVolumes),
            KeepMetric.BytesServed.With(Counters.BytesServed),
            KeepMetric.CoalescingRatio.With(Counters.BytesFromVolumes == 0 ? 0 : (double)Counters.BytesServed / Counters.BytesFromVolumes),
            KeepMetric.SharedResults.With(Counters.SharedResults),
            KeepMetric.CacheHits.With(Counters.CacheHits),
            KeepMetric.ErrorFanout.With(Counters.ErrorFanout),
            KeepMetric.Evictions.With(coalescing ? Cache.Evictions : 0),
            KeepMetric.BufferWaitMs.With(Counters.BufferWaitMs),
            KeepMetric.LatencyP50Ms.With(Counters.LatencyMs(50)),
            KeepMetric.LatencyP99Ms.With(Counters.LatencyMs(99)),
            KeepMetric.Truncated.With(Counters.Truncated),
        };
        foreach (int status in KeepMetric.ChartedStatuses)
        {
            metrics.Add(KeepMetric.Status(status).With(Counters.Responses.GetValueOrDefault(status)));
        }

        return metrics;
    }


    public IReadOnlyDictionary<string, object> ReportMetrics() => new Dictionary<string, object>
    {
        ["requests"] = Counters.Requests,
        ["volumeReads"] = Counters.VolumeReads,
        ["bytesFromVolumes"] = Counters.BytesFromVolumes,
        ["bytesServed"] = Counters.BytesServed,
        ["responses"] = Counters.Responses.ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value),
        ["peakBuffersInUse"] = Counters.PeakBuffersInUse,
        ["allocatedBytes"] = AllocatedBytes,
        ["sharedResults"] = Counters.SharedResults,
        ["cacheHits"] = Counters.CacheHits,
        ["errorFanout"] = Counters.ErrorFanout,
        ["evictions"] = Config.Mode == KeepServerMode.Coalescing ? Cache.Evictions : 0,
        ["truncated"] = Counters.Truncated,
        ["bufferWaitMs"] = Counters.BufferWaitMs,
        ["latencyP50Ms"] = Counters.LatencyMs(50),
        ["latencyP99Ms"] = Counters.LatencyMs(99),
        ["virtualTimeMs"] = Now.TotalMilliseconds,
    };
}
