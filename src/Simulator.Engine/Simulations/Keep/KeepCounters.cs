using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>Running totals of one keepstore run.</summary>
public sealed class KeepCounters
{
    private readonly Percentiles _latenciesMs = new();

    public int Requests { get; set; }

    public int VolumeReads { get; set; }

    public long BytesFromVolumes { get; set; }

    public long BytesServed { get; set; }

    /// <summary>Responses whose bytes came from a fetch or buffer another request paid for.</summary>
    public int SharedResults { get; set; }

    public int CacheHits { get; set; }

    /// <summary>Requests that got the error of a fetch they shared but did not start.</summary>
    public int ErrorFanout { get; set; }

    public int Truncated { get; set; }

    public int PeakBuffersInUse { get; set; }

    public double BufferWaitMs { get; set; }

    public int GcDropped { get; set; }

    public SortedDictionary<int, int> Responses { get; } = [];

    public int ResponseCount { get; private set; }

    public void Respond(int status, double latencyMs)
    {
        Responses[status] = Responses.GetValueOrDefault(status) + 1;
        ResponseCount++;
        _latenciesMs.Add(latencyMs);
    }

    /// <summary>The <paramref name="percentile"/>th latency (nearest rank) of the responses so far, in ms; 0 before any.</summary>
    public double LatencyMs(double percentile) => _latenciesMs.Percentile(percentile);
}
