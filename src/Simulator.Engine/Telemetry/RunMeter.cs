using System.Diagnostics.Metrics;

namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>
/// Publishes a run's metrics through System.Diagnostics.Metrics (meter "BufferLab.Simulator"), so
/// dotnet-counters and OpenTelemetry can read a live run. Values are read when a listener asks.
/// </summary>
public sealed class RunMeter : IDisposable
{
    public const string MeterName = "BufferLab.Simulator";

    private readonly Meter _meter;

    public RunMeter(string system, Func<IReadOnlyList<MetricValue>> read)
    {
        _meter = new Meter(MeterName);
        foreach (MetricValue metric in read())
        {
            string name = metric.Name;
            _meter.CreateObservableGauge(
                name,
                () => new Measurement<double>(read().First(m => m.Name == name).Value, new KeyValuePair<string, object?>("system", system)),
                metric.Unit,
                metric.Description);
        }
    }

    public void Dispose() => _meter.Dispose();
}
