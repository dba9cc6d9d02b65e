using BufferLab.Simulator.Engine.Telemetry;
using System.Globalization;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// What every system page's view model shares: it opens sessions through the same registry the
/// hub uses (as a page owner), runs the transport controls, reports problems as notices, and reads
/// the session's state under its lock when the page is about to render.
/// </summary>
public abstract partial class SessionViewModel(SessionRegistry registry) : IDisposable
{
    /// <summary>Most points a chart line carries to the browser.</summary>
    public const int MaxChartPoints = 400;

    protected string Owner { get; } = SessionRegistry.PageOwnerPrefix + Guid.NewGuid().ToString("N");

    protected SessionRegistry Registry { get; } = registry;

    public SimulationSession? Session { get; private set; }

    /// <summary>
    /// The presentation this view follows, whose followers on this instance share their runs (one
    /// seek per step for all); null: the view's runs are its own. Set before a (re)load.
    /// </summary>
    public string? SharedWith { get; set; }

    public ulong Seed { get; protected set; } = 1;

    /// <summary>Whether the next open takes its seed from the scenario file (the URL named none); <see cref="Seed"/> then holds the fallback.</summary>
    private bool _seedFromFile;

    /// <summary>Problems with the URL or a request, shown above the page; nothing else changed because of them.</summary>
    public IReadOnlyList<string> Notices { get; protected set; } = [];

    /// <summary>Wall-clock time (Unix ms) when the shown state was read from the engine, for measuring engine-to-DOM latency.</summary>
    public long ReadAtUnixMs { get; private set; }

    public int Step { get; private set; }

    public int LastStep => Session?.LastStep ?? 0;

    public bool Playing => Session?.IsPlaying ?? false;

    public double Speed => Session?.Speed ?? 4;

    /// <summary>
    /// Raised when the session changed, on the session's thread (the play loop's while playing).
    /// Only a signal: call <see cref="Sync"/> when about to render, so the engine never waits for a view.
    /// </summary>
    public event Action? Changed;

    /// <summary>Changes of the view's sessions, at most one delivery per <see cref="ChangeThrottle.Interval"/> (pages render from this).</summary>
    public ChangeSubscription Subscribe(Func<Task> deliver) => new(a => Changed += a, a => Changed -= a, deliver);

    /// <summary>The query string that reopens exactly this view.</summary>
    public string QueryString => QueryAt(Step);

    /// <summary>The query string that opens this workload at <paramref name="atStep"/>.</summary>
    public abstract string QueryAt(int atStep);

    /// <summary>The workload as a scenario file with this seed and these choices (see <see cref="ScenarioDownload"/>).</summary>
    public string DownloadHref => QueryValues.Link(ScenarioDownload.Path, WorkloadParameters());

    /// <summary>The Scenarios page with this workload's file (seed and choices written in) in its editor.</summary>
    public string EditHref => QueryValues.Link(SystemPages.Scenarios, WorkloadParameters());

    /// <summary>Whether the scenario is a user's file from the library rather than a preset.</summary>
    public bool IsUserScenario => Session is { } s && ScenarioLibrary.IsId(s.ScenarioKey);

    public void StepForward() => Control(s => { if (Step < LastStep) { s.StepForward(); } });

    public void StepBack() => Control(s => s.StepBack());

    public void Reset()
    {
        EndPause(); // back at the start is a fresh view, not a paused one
        Control(s => s.Reset());
    }

    public void SeekTo(int step) => Control(s => s.Seek(Math.Clamp(step, 0, LastStep)));

    public void TogglePlay() => Control(s =>
    {
        if (s.IsPlaying)
        {
            BeginPause(backward: s.IsPlayingBackward);
            s.Pause();
        }
        else
        {
            if (Step >= LastStep)
            {
                s.Reset();
            }

            EndPause();
            s.Play();
        }
    });

    public void SetSpeed(double stepsPerSecond) => Control(s => s.SetSpeed(Math.Clamp(stepsPerSecond, SimulationSession.MinSpeed, SimulationSession.MaxSpeed)));

    /// <summary>Chart lines of this session for steps 0 .. now: (metric name, label shown in the legend), over steps.</summary>
    public IReadOnlyList<ChartSeries> Series(params (MetricDefinition Metric, string Label)[] lines) => SeriesOf(Session, Step, null, lines);

    /// <summary>Reads the session's state (under its lock) into this view model; the page calls it before rendering.</summary>
    public void Sync()
    {
        if (Session is not { } session)
        {
            return;
        }

        session.Read(run =>
        {
            Step = run.Step;
            VirtualMs = run.Clock.Elapsed.TotalMilliseconds;
            Checkpoints = SessionCheckpoints.Of(run.Checkpoints);
            ReadState(run, session);
            return 0;
        });
        ReadAtUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        NotePlayState();
        AfterSync();
    }

    public void Dispose()
    {
        Close();
        GC.SuppressFinalize(this);
    }

    /// <summary>Goes to the URL's step ("end", or 0 .. LastStep); anything else stays at 0 and is reported.</summary>
    protected void SeekFromQuery(string? stepText, List<string> problems)
    {
        if (stepText is null || Session is null)
        {
            return;
        }

        if (stepText == "end")
        {
            Session.Seek(LastStep);
        }
        else if (int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out int step) && step <= LastStep)
        {
            Session.Seek(step);
        }
        else if (stepText.Length > 0 && stepText.All(char.IsAsciiDigit))
        {
            Session.Seek(LastStep); // past the end: the end is what was meant
            problems.Add($"step {ProblemText.Cut(stepText)} is past this run's end; showing its last step, {LastStep}");
        }
        else
        {
            problems.Add($"step '{stepText}' is not a step from 0 to {LastStep} (or 'end'); showing step 0");
        }
    }

    /// <summary>Takes the URL's seed; without one, the next open uses the scenario file's seed (1 when it names none).</summary>
    protected void UseQuerySeed(IReadOnlyDictionary<string, string?> query, ulong parsed)
    {
        Seed = parsed;
        _seedFromFile = QueryValues.Value(query, "seed") is null;
    }

    /// <summary>The page's workload in the URL names the pages share (scenario or ops, seed, mode, reader, ...).</summary>
    protected abstract (string Key, string? Value)[] WorkloadParameters();

    /// <summary>Copies what the page shows out of the run; called under the session's lock.</summary>
    protected abstract void ReadState(Run run, SimulationSession session);

    /// <summary>Work after a sync, outside the lock (e.g. moving a compared run along).</summary>
    protected virtual void AfterSync()
    {
    }

    /// <summary>
    /// Lines of <paramref name="session"/> up to <paramref name="step"/>, sampled to at most
    /// <see cref="MaxChartPoints"/>; x is the step, or the value of <paramref name="xMetric"/> at that step.
    /// <paramref name="run"/>: 0 for this page's run, 1 for a compared run (see <see cref="ChartSeries.Run"/>).
    /// </summary>
    protected static IReadOnlyList<ChartSeries> SeriesOf(SimulationSession? session, int step, MetricDefinition? xMetric, (MetricDefinition Metric, string Label)[] lines, int run = 0) =>
        session is null ? [] : session.Read(_ => lines.Select(l =>
        {
            // Under the session's lock: the play loop appends to the history while a page renders.
            (int[] steps, double[] values) = session.History.Sample(l.Metric.Name, step, MaxChartPoints);
            IReadOnlyList<double> x = xMetric is null ? steps.Select(s => (double)s).ToArray() : session.History.Sample(xMetric.Name, step, MaxChartPoints).Values;
            return new ChartSeries(l.Label, x, values, run);
        }).ToArray());

    /// <summary>Opens <paramref name="request"/> as this page's session, closing the one it replaces only once the new one is open.</summary>
    protected SimulationSession OpenSession(ScenarioRequest request)
    {
        SimulationSession session = OpenRun(request, _seedFromFile ? null : Seed);
        Seed = session.Seed;
        _seedFromFile = false;
        Close();
        Session = session;
        Session.Changed += OnSessionChanged;
        EndPause();
        JumpError = null;
        return session;
    }

    /// <summary>Opens a run of this view: its own, or the one it shares with the presentation's other followers here.</summary>
    protected SimulationSession OpenRun(ScenarioRequest request, ulong? seed) =>
        SharedWith is { } group ? Registry.OpenShared(group, request, seed) : Registry.Open(Owner, request, seed);

    /// <summary>
    /// A prerendered view's sessions, kept for the page's circuit (which opens the same workload
    /// at once): the token its view takes them over with (<see cref="TakeOver"/>), or null when the
    /// registry closes them as usual. This view lets go of them either way.
    /// </summary>
    public string? HandOver()
    {
        string? token = Registry.HandOver(Owner);
        if (token is not null)
        {
            Forget();
        }

        return token;
    }

    /// <summary>Takes over what a prerendered view handed over: the next opens of the same workloads reuse those sessions.</summary>
    public void TakeOver(string token) => Registry.TakeOver(token, Owner);

    /// <summary>Closes what was taken over and not opened again.</summary>
    public void ReleaseUnclaimed() => Registry.ReleaseUnclaimed(Owner);

    /// <summary>Lets go of the sessions without closing them (they were handed over).</summary>
    protected virtual void Forget()
    {
        if (Session is not null)
        {
            Session.Changed -= OnSessionChanged;
            Session = null;
        }
    }

    protected virtual void Close()
    {
        if (Session is not null)
        {
            Session.Changed -= OnSessionChanged;
            Registry.Release(Session);
            Session = null;
        }
    }

    /// <summary>Runs <paramref name="action"/>; a refused request becomes the page's notice and changes nothing.</summary>
    protected bool Try(Action action)
    {
        try
        {
            action();
            Notices = [];
            return true;
        }
        catch (SessionRequestException e)
        {
            Notices = [e.Message];
            return false;
        }
    }

    protected void Control(Action<SimulationSession> action)
    {
        if (Session is not null && Try(() => action(Session)))
        {
            Sync();
        }
    }

    private void OnSessionChanged() => Changed?.Invoke();
}
