using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.StratumV2;
using BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;
using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Stratum;

/// <summary>
/// Everything the Stratum V2 page shows and does, as plain C#: it opens a session through the
/// same registry the hub uses, runs the controls, and derives the views from the snapshot. The
/// page only binds to it. A second run (the other variant, or another Stratum scenario) can
/// follow this one op for op, and teaching mode asks for a prediction before each step.
/// </summary>
public sealed class StratumViewModel(SessionRegistry registry) : SystemViewModel<Sv2Model, Sv2Snapshot>(registry)
{
    private IReadOnlyList<LoggedEvent> _stepEvents = [];
    private IReadOnlyList<LoggedEvent> _compareEvents = [];
    private string _scenarioName = StratumQuery.DefaultScenario;

    public static IReadOnlyList<Sv2Scenario> Presets { get; } = ScenarioCatalog.Of<Sv2Scenario>();

    public override string ScenarioName => _scenarioName;

    public override string SystemId => Sv2Model.SystemId;

    public string Variant { get; private set; } = "faithful";

    /// <summary>The compared run's variant when it differs from <see cref="Variant"/> (null: the same, or no compared run).</summary>
    public string? CompareVariant { get; private set; }

    /// <summary>Predict-then-step: on when the URL says `teach=1`.</summary>
    public TeachingViewModel Teaching { get; } = new();

    /// <summary>The op string being run, when the scenario is the user's own.</summary>
    public string? Ops { get; private set; }

    public int? Capacity { get; private set; }

    /// <summary>Why the last op string was refused (shown under the op box).</summary>
    public string? OpsError { get; private set; }

    public Sv2Scenario? Scenario => Session?.Scenario as Sv2Scenario;

    /// <summary>Opens what the URL asks for; whatever is invalid falls back and is reported in <see cref="Notices"/>.</summary>
    public void Load(IReadOnlyDictionary<string, string?> query)
    {
        StratumQuery parsed = StratumQuery.Parse(query, out List<string> problems);
        UseQuerySeed(query, parsed.Seed);
        Variant = parsed.Variant;
        CompareVariant = parsed.Compare;
        Teaching.On = parsed.Teach;
        _pendingOps = (parsed.Ops, parsed.Capacity);
        OpenFromQuery(query, parsed.Ops is null ? parsed.Scenario : OpsKey, StratumQuery.DefaultScenario, parsed.Step, problems, () => _pendingOps = (null, null));
    }

    /// <summary>What the learner predicts next, in teaching mode (null when off, while playing, or at the run's end).</summary>
    public TeachingQuestion? Question => Teaching.On && !Playing ? Teaching.QuestionFor(Session, Step, LastStep) : null;

    /// <summary>Turns teaching mode on or off; the score is kept either way.</summary>
    public void SetTeaching(bool on)
    {
        Teaching.On = on;
        Sync();
    }

    /// <summary>Steps once to reveal the prediction; refused (nothing runs) until a mode is predicted.</summary>
    public void Reveal()
    {
        if (Teaching.CanReveal(Step, LastStep))
        {
            StepForward();
        }
    }

    /// <summary>Runs the same workload beside this one on <paramref name="variant"/> (null or this variant: none, or the compared scenario on this variant).</summary>
    public void SetCompare(string? variant)
    {
        CompareVariant = string.IsNullOrEmpty(variant) || variant == Variant ? null : variant;
        Try(() => OpenCompare(CompareRequest));
        Sync();
    }

    public void ChoosePreset(string name)
    {
        if (Try(() => Open(new ScenarioRequest(name).With(Sv2Choices.Variants.Key, Variant), null, null)))
        {
            OpsError = null;
        }
    }

    /// <summary>Runs the user's op string; on an error nothing changes and <see cref="OpsError"/> says where.</summary>
    public bool RunOps(string ops, int capacity)
    {
        try
        {
            Open(new ScenarioRequest(null, ops, capacity).With(Sv2Choices.Variants.Key, Variant), ops.Trim(), capacity);
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
        if (CompareVariant == variant)
        {
            CompareVariant = Variant; // the two runs trade places
        }

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

    /// <summary>The query string that opens this workload at <paramref name="atStep"/>.</summary>
    public override string QueryAt(int atStep) =>
        StratumQuery.Format(ScenarioName, Seed, atStep, Variant, Ops, Capacity) + (CompareVariant is null ? "" : $"&compare={CompareVariant}") + CompareScenarioQuery + (Teaching.On ? "&teach=1" : "");

    protected override (string Key, string? Value)[] WorkloadParameters() => Ops is null
        ? [("scenario", ScenarioName), ("seed", Seed.ToString(CultureInfo.InvariantCulture)), ("variant", Variant)]
        : [("ops", Ops), ("cap", Capacity?.ToString(CultureInfo.InvariantCulture)), ("seed", Seed.ToString(CultureInfo.InvariantCulture)), ("variant", Variant)];

    /// <summary>The 8 slots, position 1 first.</summary>
    public IReadOnlyList<SlotCell> SlotCells() => SlotCellsOf(Snapshot);

    /// <summary>The 8 slots of <paramref name="snapshot"/>, position 1 first.</summary>
    public static IReadOnlyList<SlotCell> SlotCellsOf(Sv2Snapshot? snapshot)
    {
        if (snapshot is not { } snap)
        {
            return [];
        }

        var cells = new SlotCell[BufferPoolLimits.PoolCapacity];
        for (int index = 1; index <= cells.Length; index++)
        {
            LiveSliceView[] holders = snap.Live.Where(s => !s.OnHeap && s.Index == index).ToArray();
            string text = snap.SlotMap[index - 1].ToString();
            bool bit = (snap.SharedState & SharedState.MaskOf(index)) != 0;
            SlotRecord record = snap.Slots[index - 1];
            cells[index - 1] = new SlotCell(index, text, string.Join('/', holders.Select(h => h.Id)), bit, holders.Length > 1,
                holders.Length > 0 ? holders[^1].WrittenIn : null, record, holders.Length == 0);
        }

        return cells;
    }

    /// <summary>Regions and slices of the pool's bytes, in drawing order (regions first).</summary>
    public IReadOnlyList<ByteSegment> ByteSegments() => ByteSegmentsOf(Snapshot);

    /// <summary>Regions and slices of <paramref name="snapshot"/>'s bytes, in drawing order (regions first).</summary>
    public static IReadOnlyList<ByteSegment> ByteSegmentsOf(Sv2Snapshot? snapshot)
    {
        if (snapshot is not { } snap)
        {
            return [];
        }

        var segments = new List<ByteSegment>();
        if (snap.Front is { } front)
        {
            segments.Add(new ByteSegment(0, front.ByteCapacity, "front-region", "front", $"front region: bytes 0..{front.ByteCapacity}, slots 1..{front.BackStart}"));
        }

        foreach (LiveSliceView slice in snap.Live.Where(s => !s.OnHeap && s.Length > 0))
        {
            string kind = slice.Corrupt ? "slice corrupt" : slice.DuplicateIndex ? "slice duplicate" : $"slice {slice.WrittenIn.ToString().ToLowerInvariant()}";
            segments.Add(new ByteSegment(slice.Offset, slice.Length, kind, slice.Label, $"slice {slice.Id} (label {slice.Label}): index {slice.Index}, bytes {slice.Offset}..{slice.Offset + slice.Length}{(slice.Corrupt ? ", CORRUPT" : "")}"));
        }

        if (snap.RawLength > 0 && snap.Mode != PoolMode.Alloc)
        {
            segments.Add(new ByteSegment(snap.RawOffset, snap.RawLength, "raw", "…", $"message in progress: bytes {snap.RawOffset}..{snap.RawOffset + snap.RawLength}"));
        }

        return segments;
    }

    public string Explanation => StepExplainer.Explain(Step, _stepEvents);

    /// <summary>What the compared run's step did.</summary>
    public string CompareExplanation => StepExplainer.Explain(CompareStep, _compareEvents);

    /// <summary>What upstream's README documents for this step, if this is a README Case.</summary>
    public DocumentedStep? Documented => Ops is null ? Scenario?.Documented.FirstOrDefault(d => d.Step == Step) : null;

    /// <summary>Whether the documented slot map equals the code's at this step.</summary>
    public bool DocumentedMatches => Documented is { } d && Snapshot is { } s && d.Text[..8] == s.SlotMap;

    public AlarmInfo? Alarm { get; private set; }

    protected override string MainChoice => Variant;

    protected override string? CompareChoice => CompareVariant;

    /// <summary>Stratum charts run over steps: a step is an op, and both runs take the same ops.</summary>
    protected override MetricDefinition? TimeMetric => null;

    protected override bool FollowsSteps => true;

    protected override ScenarioRequest? CompareRequest => (CompareVariant, CompareScenario) switch
    {
        (null, null) => null,
        (_, { } other) => new ScenarioRequest(other).With(Sv2Choices.Variants.Key, CompareVariant ?? Variant),
        _ => new ScenarioRequest(Ops is null ? ScenarioName : null, Ops, Capacity).With(Sv2Choices.Variants.Key, CompareVariant),
    };

    /// <summary>The key <see cref="OpenScenario"/> takes for "the URL's op string" (not a scenario name).</summary>
    private const string OpsKey = "\0ops";

    /// <summary>The URL's op string and capacity, for <see cref="OpenScenario"/> when it gets <see cref="OpsKey"/>.</summary>
    private (string? Ops, int? Capacity) _pendingOps;

    protected override void OpenScenario(string scenario)
    {
        if (scenario == OpsKey)
        {
            Open(new ScenarioRequest(null, _pendingOps.Ops, _pendingOps.Capacity).With(Sv2Choices.Variants.Key, Variant), _pendingOps.Ops, _pendingOps.Capacity);
        }
        else
        {
            Open(new ScenarioRequest(scenario).With(Sv2Choices.Variants.Key, Variant), null, null);
        }
    }

    private void Open(ScenarioRequest request, string? ops, int? capacity)
    {
        SimulationSession session = OpenSession(request);
        _scenarioName = session.ScenarioKey;
        Ops = ops;
        Capacity = ops is null ? null : capacity ?? ScenarioRequest.DefaultCapacity;
        OpenCompare(CompareRequest);
        Sync();
    }

    /// <summary>The same workload again, with the current seed and variant.</summary>
    private void Reopen() => Open(new ScenarioRequest(Ops is null ? ScenarioName : null, Ops, Capacity).With(Sv2Choices.Variants.Key, Variant), Ops, Capacity);

    protected override void ReadMain(Run run, Sv2Model model, Sv2Snapshot snapshot)
    {
        _stepEvents = StepEvents(run);
        Alarm = Session?.Alarm is var (at, violation) ? new AlarmInfo(at, violation.Kind.ToString(), violation.Detail) : null;
        Teaching.Observe(Session!.Id, run.Step, snapshot, _stepEvents);
    }

    protected override void ReadCompare(Run? run, Sv2Model? model) => _compareEvents = run is null ? [] : StepEvents(run);

    /// <summary>The events of the run's current step (none before the first).</summary>
    private static LoggedEvent[] StepEvents(Run run) => run.Step == 0 ? [] : [.. run.Events.Events.Skip(run.Events.StartOfLastStep(run.Step))];

    protected override void Close()
    {
        Teaching.Forget();
        base.Close();
    }
}
