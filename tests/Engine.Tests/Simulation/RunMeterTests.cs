using System.Diagnostics.Metrics;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Simulation;

public class RunMeterTests
{
    [Fact]
    public void AMeterListenerReadsTheRunsCurrentMetrics()
    {
        var run = new Run(ScenarioCatalog.Find("readme-case1")!, 1);
        using var meter = new RunMeter("stratum-v2", run.Model.Metrics);
        var seen = new Dictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == RunMeter.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.Start();

        run.RunToEnd();
        listener.RecordObservableInstruments();

        Assert.Equal(8, seen["sv2.messages.pool"]);
        Assert.Equal(2, seen["sv2.messages.heap"]);
        Assert.Equal(10, seen["sv2.heap.bytes"]);
    }
}
