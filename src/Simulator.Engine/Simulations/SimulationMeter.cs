using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations;

/// <summary>
/// Publishes the metrics of every tracked run on the meter <see cref="MeterName"/> (through
/// <see cref="IMeterFactory"/>, so dotnet-counters, OpenTelemetry and a Prometheus endpoint read
/// them): one observable gauge per metric of every system in <see cref="SystemCatalog"/>, declared
/// once with its upstream name, unit and description, and one measurement per tracked run tagged
/// with its system, scenario and run id. Values are read only when a listener asks. The number of
/// runs (and so of tag sets) is whatever the caller bounds: the dashboard's sessions are bounded.
/// </summary>
public sealed class SimulationMeter
{
    public const string MeterName = "BufferLab.Simulator";

    private readonly ConcurrentDictionary<TrackedRun, byte> _runs = new();

    public SimulationMeter(IMeterFactory meters)
    {
        Meter meter = meters.Create(MeterName);
        foreach (ISystemDefinition system in SystemCatalog.All)
        {
            foreach (MetricDefinition metric in system.Metrics)
            {
                meter.CreateObservableGauge(metric.Name, () => Observe(system.Id, metric.Name), metric.Unit, metric.Description);
            }
        }
    }

    /// <summary>Publishes the run <paramref name="runId"/> until the returned handle is disposed; <paramref name="read"/> must be safe to call from any thread.</summary>
    public IDisposable Track(string runId, string system, string scenario, Func<IReadOnlyList<MetricValue>> read)
    {
        var run = new TrackedRun(this, system, read, [new("system", system), new("scenario", scenario), new("run", runId)]);
        _runs[run] = 0;
        return run;
    }

    private IEnumerable<Measurement<double>> Observe(string system, string name)
    {
        foreach (TrackedRun run in _runs.Keys.Where(r => r.System == system))
        {
            foreach (MetricValue value in run.Latest())
            {
                if (value.Name == name)
                {
                    yield return new Measurement<double>(value.Value, run.Tags);
                }
            }
        }
    }

    private sealed class TrackedRun(SimulationMeter owner, string system, Func<IReadOnlyList<MetricValue>> read, KeyValuePair<string, object?>[] tags) : IDisposable
    {
        /// <summary>One collection asks every gauge in turn: they share one reading of the run (instrumentation, not simulation: wall time is fine here).</summary>
        private const long FreshForMs = 100;

        private Reading? _last; // replaced whole, so concurrent collections never see half of one

        public string System { get; } = system;

        /// <summary>The run's metrics, read at most once per <see cref="FreshForMs"/>.</summary>
        public IReadOnlyList<MetricValue> Latest()
        {
            long now = Environment.TickCount64;
            Reading? last = _last;
            if (last is null || now - last.At > FreshForMs)
            {
                _last = last = new Reading(now, read());
            }

            return last.Values;
        }

        public KeyValuePair<string, object?>[] Tags { get; } = tags;

        public void Dispose() => owner._runs.TryRemove(this, out _);

        private sealed record Reading(long At, IReadOnlyList<MetricValue> Values);
    }
}
