using System.Diagnostics.Metrics;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.StratumV2;

namespace BufferLab.Simulator.Engine.Tests.Simulation;

/// <summary>The meter publishes every tracked run's metrics, by their declared names, tagged by run; a disposed run is gone.</summary>
public sealed class SimulationMeterTests : IDisposable
{
    private readonly MeterFactory _factory = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Name, double Value, string? Run, string? Unit)> _seen = [];

    public SimulationMeterTests()
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SimulationMeter.MeterName && _factory.Made.Contains(instrument.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            _seen.Add((instrument.Name, value, tags.ToArray().FirstOrDefault(t => t.Key == "run").Value as string, instrument.Unit)));
        _listener.Start();
    }

    [Fact]
    public void AListenerReadsEachTrackedRunsMetricsByTheirDeclaredNames()
    {
        var meter = new SimulationMeter(_factory);
        using var stratum = new Run(ScenarioCatalog.Find("readme-case1")!, 1);
        using var keep = new Run(ScenarioCatalog.Find("keep-job-start-herd")!, 1);
        IDisposable one = meter.Track("s1", stratum.Model.System, "readme-case1", stratum.Model.Metrics);
        using IDisposable two = meter.Track("k1", keep.Model.System, "keep-job-start-herd", keep.Model.Metrics);
        stratum.RunToEnd();
        keep.SeekTo(200);

        _listener.RecordObservableInstruments();

        Assert.Contains(("sv2.messages.pool", 8.0, "s1", "{message}"), _seen);
        Assert.Contains(("sv2.heap.bytes", 10.0, "s1", "By"), _seen);
        Assert.Contains(_seen, m => m.Name == KeepMetric.InUseBuffers.Name && m.Run == "k1");
        Assert.DoesNotContain(_seen, m => m.Name.StartsWith("sv2.", StringComparison.Ordinal) && m.Run == "k1");

        one.Dispose();
        _seen.Clear();
        _listener.RecordObservableInstruments();
        Assert.DoesNotContain(_seen, m => m.Run == "s1");
        Assert.Equal(KeepMetric.All.Count, _seen.Count(m => m.Run == "k1"));
    }

    [Fact]
    public void EverySystemsMetricsAreDeclaredOnceWithUnitsAndDescriptions()
    {
        foreach (ISystemDefinition system in SystemCatalog.All)
        {
            Assert.Equal(system.Metrics.Count, system.Metrics.Select(m => m.Name).Distinct().Count());
            Assert.All(system.Metrics, m => Assert.False(string.IsNullOrWhiteSpace(m.Unit) || string.IsNullOrWhiteSpace(m.Description), m.Name));
        }

        using var run = new Run(ScenarioCatalog.Find("readme-case1")!, 1);
        Assert.Equal(Sv2Metric.All.Select(m => m.Name), run.Model.Metrics().Select(m => m.Name));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _factory.Dispose();
    }

    /// <summary>What the dashboard's DI container gives; here, meters made and disposed by the test.</summary>
    private sealed class MeterFactory : IMeterFactory
    {
        public List<Meter> Made { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Made.Add(meter);
            return meter;
        }

        public void Dispose() => Made.ForEach(m => m.Dispose());
    }
}
