using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// A page that can run a second copy of its workload beside the first (another mode, another
/// reader): the second session follows the first on the virtual clock, because the same moment
/// takes a different number of steps in each, and its charts overlay the first's.
/// </summary>
public abstract class ComparedViewModel(SessionRegistry registry) : SessionViewModel(registry)
{
    public SimulationSession? CompareSession { get; private set; }

    public int CompareStep { get; private set; }

    /// <summary>Virtual time of the step shown.</summary>
    public TimeSpan TimeNow { get; private set; }

    /// <summary>Label of the main run in chart legends (its mode or reader).</summary>
    protected abstract string MainLabel { get; }

    /// <summary>Label of the compared run, or null when there is none.</summary>
    protected abstract string? CompareLabel { get; }

    /// <summary>The metric that holds virtual milliseconds, the charts' x axis.</summary>
    protected abstract string TimeMetric { get; }

    /// <summary>Chart lines over virtual milliseconds: this run's, then the compared run's, each labelled.</summary>
    public IReadOnlyList<ChartSeries> SeriesOverTime(params (string Metric, string Label)[] lines)
    {
        string suffix = CompareLabel is null ? "" : $" ({MainLabel})";
        var series = SeriesOf(Session, Step, TimeMetric, [.. lines.Select(l => (l.Metric, l.Label + suffix))]).ToList();
        if (CompareLabel is { } other)
        {
            series.AddRange(SeriesOf(CompareSession, CompareStep, TimeMetric, [.. lines.Select(l => (l.Metric, $"{l.Label} ({other})"))]));
        }

        return series;
    }

    protected sealed override void ReadState(Run run, SimulationSession session)
    {
        TimeNow = run.Clock.Elapsed;
        ReadMain(run);
    }

    /// <summary>Copies the main run's state (under its session's lock).</summary>
    protected abstract void ReadMain(Run run);

    /// <summary>Copies the compared run's state (under its session's lock); null when there is none.</summary>
    protected abstract void ReadCompare(Run? run);

    /// <summary>Moves the compared run to this run's virtual time, then reads it.</summary>
    protected sealed override void AfterSync()
    {
        if (CompareSession is not { } compare)
        {
            ReadCompare(null);
            return;
        }

        compare.SeekToTime(TimeNow);
        CompareStep = compare.Read(run =>
        {
            ReadCompare(run);
            return run.Step;
        });
    }

    /// <summary>Opens <paramref name="scenario"/> (and the compared run), or throws <see cref="SessionRequestException"/>.</summary>
    protected abstract void OpenScenario(string scenario);

    /// <summary>
    /// Opens the URL's scenario, or <paramref name="fallback"/> saying why (after <paramref name="beforeFallback"/>
    /// resets what the URL got wrong), then its step; every problem becomes a notice.
    /// </summary>
    protected void OpenFromQuery(string scenario, string fallback, string? step, List<string> problems, Action? beforeFallback = null)
    {
        try
        {
            OpenScenario(scenario);
        }
        catch (SessionRequestException e)
        {
            problems.Add($"{e.Message}; showing {fallback} instead");
            beforeFallback?.Invoke();
            try
            {
                OpenScenario(fallback);
            }
            catch (SessionRequestException busy)
            {
                Notices = [.. problems, busy.Message]; // e.g. the server is full: show why, run nothing
                return;
            }
        }

        SeekFromQuery(step, problems);
        Notices = problems;
        Sync();
    }

    /// <summary>Opens the compared run (closing any other) for <paramref name="request"/>, or none when null.</summary>
    protected void OpenCompare(ScenarioRequest? request)
    {
        CloseCompare();
        if (request is not null && Session is not null)
        {
            CompareSession = Registry.Open(Owner, request, Seed);
        }
    }

    protected override void Close()
    {
        CloseCompare();
        base.Close();
    }

    private void CloseCompare()
    {
        if (CompareSession is not null)
        {
            Registry.Close(CompareSession.Id, Owner);
            CompareSession = null;
        }
    }
}
