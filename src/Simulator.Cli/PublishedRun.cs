using System.Diagnostics.Metrics;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Engine.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace BufferLab.Simulator.Cli;

/// <summary>
/// Publishes a CLI run's metrics on the meter BufferLab.Simulator through <see cref="IMeterFactory"/>
/// while it runs (<c>dotnet-counters monitor -n Simulator.Cli --counters BufferLab.Simulator</c>).
/// The run steps on this thread; a listener reads the copy taken every <see cref="Every"/> steps,
/// never the live model.
/// </summary>
internal sealed class PublishedRun : IDisposable
{
    private const int Every = 256;

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly IDisposable _tracked;
    private readonly Run _run;
    private volatile IReadOnlyList<MetricValue> _latest;

    public PublishedRun(Run run)
    {
        _run = run;
        _latest = run.Model.Metrics();
        _tracked = new SimulationMeter(_services.GetRequiredService<IMeterFactory>()).Track("cli", run.Model.System, run.Scenario.Name, () => _latest);
    }

    /// <summary>Steps the run to its end, refreshing what listeners read.</summary>
    public void RunToEnd() => RunTo(int.MaxValue);

    /// <summary>Steps the run to <paramref name="step"/>, or to its end if that comes first, refreshing what listeners read.</summary>
    public void RunTo(int step)
    {
        while (_run.Step < step && _run.StepOnce())
        {
            if (_run.Step % Every == 0)
            {
                _latest = _run.Model.Metrics();
            }
        }

        _latest = _run.Model.Metrics();
    }

    public void Dispose()
    {
        _tracked.Dispose();
        _services.Dispose();
    }
}
