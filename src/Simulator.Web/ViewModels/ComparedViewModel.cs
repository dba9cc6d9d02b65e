using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// A page that can run a second workload beside the first: the same scenario in another mode,
/// reader or variant, or any other scenario of the same system (a preset or a file of the
/// library), always on the same seed. The second session follows the first on the virtual clock
/// (the same moment takes a different number of steps in each), its charts overlay the first's,
/// and the metrics of both are lined up in a diff. Every run also shows what was alive at its peak.
/// </summary>
public abstract class ComparedViewModel(SessionRegistry registry) : SessionViewModel(registry)
{
    /// <summary>The URL key naming the compared run's scenario.</summary>
    public const string CompareScenarioKey = "compareScenario";

    private IReadOnlyList<MetricValue> _mainMetrics = [];
    private IReadOnlyList<MetricValue> _compareMetrics = [];

    public SimulationSession? CompareSession { get; private set; }

    public int CompareStep { get; private set; }

    /// <summary>The compared run's scenario (a preset name or a library id) when it is not this run's; null: the same scenario.</summary>
    public string? CompareScenario { get; private set; }

    /// <summary>Virtual time of the step shown.</summary>
    public TimeSpan TimeNow { get; private set; }

    /// <summary>What was alive when this run's held bytes first peaked, up to the step shown.</summary>
    public PeakView? Peak { get; private set; }

    /// <summary>The same for the compared run, up to its step.</summary>
    public PeakView? ComparePeak { get; private set; }

    /// <summary>Every scalar metric of both runs at the moment shown; empty without a compared run.</summary>
    public IReadOnlyList<MetricDiffRow> MetricDiffRows => CompareSession is null ? [] : MetricDiff.Rows(_mainMetrics, _compareMetrics);

    /// <summary>The system this page shows (a scenario file's `system:`); a compared scenario must be one of its.</summary>
    public abstract string SystemId { get; }

    /// <summary>The scenario this run shows (a preset name, a library id, or "custom").</summary>
    public abstract string ScenarioName { get; }

    /// <summary>How the compared run is told apart in legends and headings.</summary>
    public string? CompareTitle => CompareLabel;

    /// <summary>How this run is told apart in legends and headings.</summary>
    public string MainTitle => MainLabel;

    /// <summary>Label of the main run in chart legends: what tells it from the compared run (its scenario, its mode or reader, or both).</summary>
    protected virtual string MainLabel => (CompareScenario, CompareChoice) switch
    {
        (null, _) => MainChoice,
        (_, null) => ScenarioName,
        _ => $"{ScenarioName} · {MainChoice}",
    };

    /// <summary>Label of the compared run, or null when there is none.</summary>
    protected virtual string? CompareLabel => (CompareScenario, CompareChoice) switch
    {
        (null, var choice) => choice,
        (var scenario, null) => scenario,
        var (scenario, choice) => $"{scenario} · {choice}",
    };

    /// <summary>This run's mode, reader or variant, as the page names it.</summary>
    protected abstract string MainChoice { get; }

    /// <summary>The compared run's mode, reader or variant when it differs from this run's; null: the same.</summary>
    protected abstract string? CompareChoice { get; }

    /// <summary>The metric that holds virtual milliseconds, the charts' x axis; null: charts run over steps.</summary>
    protected abstract MetricDefinition? TimeMetric { get; }

    /// <summary>
    /// Whether the compared run follows this one step by step instead of on the clock: right for
    /// op scripts, where a step is an op and the two runs take the same ops in the same order.
    /// </summary>
    protected virtual bool FollowsSteps => false;

    /// <summary>What to open as the compared run for the choices made, or null for none.</summary>
    protected abstract ScenarioRequest? CompareRequest { get; }

    /// <summary>Chart lines over virtual milliseconds (or steps): this run's, then the compared run's, each labelled.</summary>
    public IReadOnlyList<ChartSeries> SeriesOverTime(params (MetricDefinition Metric, string Label)[] lines)
    {
        string? other = CompareSession is null ? null : CompareLabel;
        string suffix = other is null ? "" : $" ({MainLabel})";
        var series = SeriesOf(Session, Step, TimeMetric, [.. lines.Select(l => (l.Metric, l.Label + suffix))]).ToList();
        if (other is not null)
        {
            series.AddRange(SeriesOf(CompareSession, CompareStep, TimeMetric, [.. lines.Select(l => (l.Metric, $"{l.Label} ({other})"))], run: 1));
        }

        return series;
    }

    /// <summary>
    /// Compares with <paramref name="name"/> (a preset or a library id of this system; blank: this
    /// run's scenario again). A name that is unknown, of another system, or gone from the library
    /// is refused with a notice saying why, and the compared run stays as it was.
    /// </summary>
    public bool SetCompareScenario(string? name)
    {
        string? previous = CompareScenario;
        string? wanted = string.IsNullOrWhiteSpace(name) || string.Equals(name.Trim(), ScenarioName, StringComparison.OrdinalIgnoreCase) ? null : name.Trim();
        if (wanted is not null && CheckCompareScenario(wanted) is { } problem)
        {
            Notices = [problem];
            return false;
        }

        CompareScenario = wanted;
        if (!Try(() => OpenCompare(CompareRequest)))
        {
            CompareScenario = previous;
            return false;
        }

        Sync();
        return true;
    }

    /// <summary>Goes to the moment of the compared run's peak: its step when the runs follow steps, else its virtual time.</summary>
    public void ShowComparePeak()
    {
        if (ComparePeak is not { } peak)
        {
            return;
        }

        if (FollowsSteps)
        {
            SeekTo(peak.Step);
        }
        else
        {
            Control(s => s.SeekToTime(VirtualTime.FromMicros(peak.TimeMicros)));
        }
    }

    protected sealed override void ReadState(Run run, SimulationSession session)
    {
        TimeNow = run.Clock.Elapsed;
        Peak = PeakView.From(run.Peak);
        _mainMetrics = CompareSession is null ? [] : run.Model.Metrics();
        ReadMain(run);
    }

    /// <summary>Copies the main run's state (under its session's lock).</summary>
    protected abstract void ReadMain(Run run);

    /// <summary>Copies the compared run's state (under its session's lock); null when there is none.</summary>
    protected abstract void ReadCompare(Run? run);

    /// <summary>How often (ms) the compared run follows while playing backward: five times a second, now that a step back is a restore (a replay from step 0 allowed once a second).</summary>
    private const long BackwardFollowMs = 200;

    /// <summary>Moves the compared run to this run's moment (step or virtual time), then reads it.</summary>
    private long _lastBackwardFollow;

    /// <summary>
    /// Going back moves the compared run back too: a restore of its nearest checkpoint and a replay
    /// of up to an interval of steps (tens of ms on the keepstore). While playing backward it
    /// follows at most every <see cref="BackwardFollowMs"/>, so a frame never pays for two runs'
    /// steps back on the page's thread (pausing catches it up).
    /// </summary>
    private bool FollowNow()
    {
        if (!PlayingBackward)
        {
            return true;
        }

        if (Environment.TickCount64 - _lastBackwardFollow < BackwardFollowMs)
        {
            return false;
        }

        _lastBackwardFollow = Environment.TickCount64;
        return true;
    }

    protected sealed override void AfterSync()
    {
        if (CompareSession is not { } compare)
        {
            ComparePeak = null;
            _compareMetrics = [];
            ReadCompare(null);
            return;
        }

        if (FollowNow())
        {
            if (FollowsSteps || Step == 0)
            {
                // Step 0 is "nothing ran yet" in both; on the clock the other run would already take its time-0 steps.
                compare.Seek(Math.Min(Step, compare.LastStep));
            }
            else
            {
                compare.SeekToTime(TimeNow);
            }
        }

        CompareStep = compare.Read(run =>
        {
            ComparePeak = PeakView.From(run.Peak);
            _compareMetrics = run.Model.Metrics();
            ReadCompare(run);
            return run.Step;
        });
    }

    /// <summary>Opens <paramref name="scenario"/> (and the compared run), or throws <see cref="SessionRequestException"/>.</summary>
    protected abstract void OpenScenario(string scenario);

    /// <summary>
    /// Opens the URL's scenario, or <paramref name="fallback"/> saying why (after <paramref name="beforeFallback"/>
    /// resets what the URL got wrong), then its step; every problem becomes a notice. The URL's
    /// compared scenario is checked first, so a bad one only drops the comparison.
    /// </summary>
    protected void OpenFromQuery(IReadOnlyDictionary<string, string?> query, string scenario, string fallback, string? step, List<string> problems, Action? beforeFallback = null)
    {
        CompareScenario = QueryValues.Value(query, CompareScenarioKey);
        if (CompareScenario is not null && CheckCompareScenario(CompareScenario) is { } problem)
        {
            problems.Add($"{problem}; comparing with this run's scenario");
            CompareScenario = null;
        }

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

        if (string.Equals(CompareScenario, ScenarioName, StringComparison.OrdinalIgnoreCase))
        {
            CompareScenario = null;
        }

        SeekFromQuery(step, problems);
        Notices = problems;
        Sync();
    }

    /// <summary>`&amp;compareScenario=NAME` when the compared run has its own scenario, else "".</summary>
    protected string CompareScenarioQuery => CompareScenario is null ? "" : $"&{CompareScenarioKey}={Uri.EscapeDataString(CompareScenario)}";

    /// <summary>Opens the compared run for <paramref name="request"/> (none when null), then closes the one it replaces.</summary>
    protected void OpenCompare(ScenarioRequest? request)
    {
        SimulationSession? next = request is not null && Session is not null ? OpenRun(request, Seed) : null;
        CloseCompare();
        CompareSession = next;
    }

    protected override void Close()
    {
        CloseCompare();
        base.Close();
    }

    protected override void Forget()
    {
        CompareSession = null;
        base.Forget();
    }

    /// <summary>Why <paramref name="name"/> cannot be compared here (unknown, another system's, gone from the library), or null.</summary>
    private string? CheckCompareScenario(string name)
    {
        try
        {
            IScenario scenario = new ScenarioRequest(name).Resolve(Registry.Library).Scenario;
            return scenario.System == SystemId
                ? null
                : $"compare scenario '{name}' is a {SystemPages.TitleOf(scenario.System)} scenario ({scenario.System}); this page compares {SystemPages.TitleOf(SystemId)} scenarios ({SystemId}) only";
        }
        catch (SessionRequestException e)
        {
            return $"compare scenario: {e.Message}";
        }
    }

    private void CloseCompare()
    {
        if (CompareSession is not null)
        {
            Registry.Release(CompareSession);
            CompareSession = null;
        }
    }
}
