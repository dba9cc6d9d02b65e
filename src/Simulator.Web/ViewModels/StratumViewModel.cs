using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.StratumV2;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Engine.Telemetry.StratumV2;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// Everything the Stratum V2 page shows and does, as plain C#: it opens a session through the
/// same registry the hub uses, runs the controls, and derives the views from the snapshot. The
/// page only binds to it.
/// </summary>
public sealed class StratumViewModel(SessionRegistry registry) : IDisposable
{
    private readonly string _owner = SessionRegistry.PageOwnerPrefix + Guid.NewGuid().ToString("N");
    private IReadOnlyList<LoggedEvent> _stepEvents = [];

    public static IReadOnlyList<Sv2Scenario> Presets { get; } = Sv2Presets.All;

    public SimulationSession? Session { get; private set; }

    public string ScenarioName { get; private set; } = StratumQuery.DefaultScenario;

    public ulong Seed { get; private set; } = 1;

    public string Variant { get; private set; } = "faithful";

    /// <summary>The op string being run, when the scenario is the user's own.</summary>
    public string? Ops { get; private set; }

    public int? Capacity { get; private set; }

    /// <summary>Problems with the URL or a request, shown above the page; nothing else changed because of them.</summary>
    public IReadOnlyList<string> Notices { get; private set; } = [];

    /// <summary>Why the last op string was refused (shown under the op box).</summary>
    public string? OpsError { get; private set; }

    public Sv2Snapshot? Snapshot { get; private set; }

    /// <summary>Wall-clock time (Unix ms) when the shown state was read from the engine, for measuring engine-to-DOM latency.</summary>
    public long ReadAtUnixMs { get; private set; }

    public int Step { get; private set; }

    public int LastStep => Session?.LastStep ?? 0;

    public bool Playing => Session?.IsPlaying ?? false;

    public double Speed => Session?.Speed ?? 4;

    public Sv2Scenario? Scenario => Session?.Scenario as Sv2Scenario;

    /// <summary>
    /// Raised when the session changed, on the session's thread (the play loop's while playing).
    /// Only a signal: call <see cref="Sync"/> when about to render, so the engine never waits for a view.
    /// </summary>
    public event Action? Changed;

    /// <summary>Opens what the URL asks for; whatever is invalid falls back and is reported in <see cref="Notices"/>.</summary>
    public void Load(IReadOnlyDictionary<string, string?> query)
    {
        StratumQuery parsed = StratumQuery.Parse(query, out List<string> problems);
        Seed = parsed.Seed;
        Variant = parsed.Variant;
        try
        {
            Open(new ScenarioRequest(parsed.Scenario, parsed.Ops, parsed.Capacity, parsed.Variant), parsed.Ops, parsed.Capacity);
        }
        catch (SessionRequestException e)
        {
            problems.Add($"{e.Message}; showing {StratumQuery.DefaultScenario} instead");
            try
            {
                Open(new ScenarioRequest(StratumQuery.DefaultScenario, Variant: parsed.Variant), null, null);
            }
            catch (SessionRequestException busy)
            {
                Notices = [.. problems, busy.Message]; // e.g. the server is full: show why, run nothing
                return;
            }
        }

        if (parsed.Step is { } stepText)
        {
            if (stepText == "end")
            {
                Session!.Seek(LastStep);
            }
            else if (int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out int step) && step <= LastStep)
            {
                Session!.Seek(step);
            }
            else
            {
                problems.Add($"step '{stepText}' is not a step from 0 to {LastStep} (or 'end'); showing step 0");
            }
        }

        Notices = problems;
        Sync();
    }

    public void ChoosePreset(string name)
    {
        if (Try(() => Open(new ScenarioRequest(name, Variant: Variant), null, null)))
        {
            OpsError = null;
        }
    }

    /// <summary>Runs the user's op string; on an error nothing changes and <see cref="OpsError"/> says where.</summary>
    public bool RunOps(string ops, int capacity)
    {
        try
        {
            Open(new ScenarioRequest(null, ops, capacity, Variant), ops.Trim(), capacity);
            OpsError = null;
            return true;
        }
        catch (SessionRequestException e)
        {
            OpsError = e.Message;
            return false;
        }
    }

    /// <summary>Same workload and step on the other variant.</summary>
    public void SetVariant(string variant)
    {
        int step = Step;
        Variant = variant;
        if (Try(Reopen))
        {
            Session!.Seek(Math.Min(step, LastStep));
            Sync();
        }
    }

    public void SetSeed(ulong seed)
    {
        Seed = seed;
        Try(Reopen);
    }

    public void StepForward() => Control(s => { if (Step < LastStep) { s.StepForward(); } });

    public void StepBack() => Control(s => s.StepBack());

    public void Reset() => Control(s => s.Reset());

    public void SeekTo(int step) => Control(s => s.Seek(Math.Clamp(step, 0, LastStep)));

    public void TogglePlay() => Control(s =>
    {
        if (s.IsPlaying)
        {
            s.Pause();
        }
        else
        {
            if (Step >= LastStep)
            {
                s.Reset();
            }

            s.Play();
        }
    });

    public void SetSpeed(double stepsPerSecond) => Control(s => s.SetSpeed(Math.Clamp(stepsPerSecond, SimulationSession.MinSpeed, SimulationSession.MaxSpeed)));

    /// <summary>The query string that reopens exactly this view.</summary>
    public string QueryString => QueryAt(Step);

    /// <summary>The query string that opens this workload at <paramref name="step"/>.</summary>
    public string QueryAt(int step) => StratumQuery.Format(ScenarioName, Seed, step, Variant, Ops, Capacity);

    /// <summary>The 8 slots, position 1 first.</summary>
    public IReadOnlyList<SlotCell> SlotCells()
    {
        if (Snapshot is null)
        {
            return [];
        }

        var cells = new SlotCell[BufferPoolLimits.PoolCapacity];
        for (int index = 1; index <= cells.Length; index++)
        {
            LiveSliceView[] holders = Snapshot.Live.Where(s => !s.OnHeap && s.Index == index).ToArray();
            string text = Snapshot.SlotMap[index - 1].ToString();
            bool bit = (Snapshot.SharedState & SharedState.MaskOf(index)) != 0;
            SlotRecord record = Snapshot.Slots[index - 1];
            cells[index - 1] = new SlotCell(index, text, string.Join('/', holders.Select(h => h.Id)), bit, holders.Length > 1,
                holders.Length > 0 ? holders[^1].WrittenIn : null, record, holders.Length == 0);
        }

        return cells;
    }

    /// <summary>Regions and slices of the pool's bytes, in drawing order (regions first).</summary>
    public IReadOnlyList<ByteSegment> ByteSegments()
    {
        if (Snapshot is null)
        {
            return [];
        }

        var segments = new List<ByteSegment>();
        if (Snapshot.Front is { } front)
        {
            segments.Add(new ByteSegment(0, front.ByteCapacity, "front-region", "front", $"front region: bytes 0..{front.ByteCapacity}, slots 1..{front.BackStart}"));
        }

        foreach (LiveSliceView slice in Snapshot.Live.Where(s => !s.OnHeap && s.Length > 0))
        {
            string kind = slice.Corrupt ? "slice corrupt" : slice.DuplicateIndex ? "slice duplicate" : $"slice {slice.WrittenIn.ToString().ToLowerInvariant()}";
            segments.Add(new ByteSegment(slice.Offset, slice.Length, kind, slice.Label, $"slice {slice.Id} (label {slice.Label}): index {slice.Index}, bytes {slice.Offset}..{slice.Offset + slice.Length}{(slice.Corrupt ? ", CORRUPT" : "")}"));
        }

        if (Snapshot.RawLength > 0 && Snapshot.Mode != PoolMode.Alloc)
        {
            segments.Add(new ByteSegment(Snapshot.RawOffset, Snapshot.RawLength, "raw", "…", $"message in progress: bytes {Snapshot.RawOffset}..{Snapshot.RawOffset + Snapshot.RawLength}"));
        }

        return segments;
    }

    public string Explanation => StepExplainer.Explain(Step, _stepEvents);

    /// <summary>What upstream's README documents for this step, if this is a README Case.</summary>
    public DocumentedStep? Documented => Ops is null ? Scenario?.Documented.FirstOrDefault(d => d.Step == Step) : null;

    /// <summary>Whether the documented slot map equals the code's at this step.</summary>
    public bool DocumentedMatches => Documented is { } d && Snapshot is { } s && d.Text[..8] == s.SlotMap;

    public AlarmInfo? Alarm { get; private set; }

    /// <summary>Most points a chart line carries to the browser.</summary>
    public const int MaxChartPoints = 400;

    /// <summary>Chart lines for steps 0 .. now: (metric name, label shown in the legend).</summary>
    public IReadOnlyList<ChartSeries> Series(params (string Metric, string Label)[] lines) =>
        Session is not { } session ? [] : session.Read(_ => lines.Select(l =>
        {
            // Under the session's lock: the play loop appends to the history while a page renders.
            (int[] steps, double[] values) = session.History.Sample(l.Metric, Step, MaxChartPoints);
            return new ChartSeries(l.Label, steps, values);
        }).ToArray());

    public void Dispose() => Close();

    private void Open(ScenarioRequest request, string? ops, int? capacity)
    {
        SimulationSession session = registry.Open(_owner, request, Seed);
        Close();
        Session = session;
        Session.Changed += OnSessionChanged;
        ScenarioName = session.Scenario.Name;
        Ops = ops;
        Capacity = ops is null ? null : capacity ?? ScenarioRequest.DefaultCapacity;
        Sync();
    }

    /// <summary>The same workload again, with the current seed and variant.</summary>
    private void Reopen() => Open(new ScenarioRequest(Ops is null ? ScenarioName : null, Ops, Capacity, Variant), Ops, Capacity);

    private void Close()
    {
        if (Session is not null)
        {
            Session.Changed -= OnSessionChanged;
            registry.Close(Session.Id, _owner);
            Session = null;
        }
    }

    private bool Try(Action action)
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

    private void Control(Action<SimulationSession> action)
    {
        if (Session is not null && Try(() => action(Session)))
        {
            Sync();
        }
    }

    private void OnSessionChanged() => Changed?.Invoke();

    /// <summary>Reads the session's state (under its lock) into this view model; the page calls it before rendering.</summary>
    public void Sync()
    {
        if (Session is not { } session)
        {
            return;
        }

        (Sv2Snapshot snapshot, int step, LoggedEvent[] events, AlarmInfo? alarm) = session.Read(run =>
        {
            IReadOnlyList<LoggedEvent> all = run.Events.Events;
            int first = all.Count;
            while (first > 0 && all[first - 1].Step == run.Step && run.Step > 0)
            {
                first--; // the current step's events are the log's tail
            }

            LoggedEvent[] ofStep = all.Skip(first).ToArray();
            return ((Sv2Snapshot)run.Model.Snapshot(), run.Step, ofStep,
                session.Alarm is var (at, violation) ? new AlarmInfo(at, violation.Kind.ToString(), violation.Detail) : null);
        });
        Snapshot = snapshot;
        ReadAtUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Step = step;
        _stepEvents = events;
        Alarm = alarm;
    }
}
