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
public sealed class StratumViewModel(SessionRegistry registry) : SessionViewModel(registry)
{
    private IReadOnlyList<LoggedEvent> _stepEvents = [];

    public static IReadOnlyList<Sv2Scenario> Presets { get; } = ScenarioCatalog.Of<Sv2Scenario>();

    public string ScenarioName { get; private set; } = StratumQuery.DefaultScenario;

    public string Variant { get; private set; } = "faithful";

    /// <summary>The op string being run, when the scenario is the user's own.</summary>
    public string? Ops { get; private set; }

    public int? Capacity { get; private set; }

    /// <summary>Why the last op string was refused (shown under the op box).</summary>
    public string? OpsError { get; private set; }

    public Sv2Snapshot? Snapshot { get; private set; }

    public Sv2Scenario? Scenario => Session?.Scenario as Sv2Scenario;

    /// <summary>Opens what the URL asks for; whatever is invalid falls back and is reported in <see cref="Notices"/>.</summary>
    public void Load(IReadOnlyDictionary<string, string?> query)
    {
        StratumQuery parsed = StratumQuery.Parse(query, out List<string> problems);
        UseQuerySeed(query, parsed.Seed);
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

        SeekFromQuery(parsed.Step, problems);
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

    /// <summary>The query string that opens this workload at <paramref name="atStep"/>.</summary>
    public override string QueryAt(int atStep) => StratumQuery.Format(ScenarioName, Seed, atStep, Variant, Ops, Capacity);

    protected override (string Key, string? Value)[] WorkloadParameters() => Ops is null
        ? [("scenario", ScenarioName), ("seed", Seed.ToString(CultureInfo.InvariantCulture)), ("variant", Variant)]
        : [("ops", Ops), ("cap", Capacity?.ToString(CultureInfo.InvariantCulture)), ("seed", Seed.ToString(CultureInfo.InvariantCulture)), ("variant", Variant)];

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

    private void Open(ScenarioRequest request, string? ops, int? capacity)
    {
        SimulationSession session = OpenSession(request);
        ScenarioName = session.ScenarioKey;
        Ops = ops;
        Capacity = ops is null ? null : capacity ?? ScenarioRequest.DefaultCapacity;
        Sync();
    }

    /// <summary>The same workload again, with the current seed and variant.</summary>
    private void Reopen() => Open(new ScenarioRequest(Ops is null ? ScenarioName : null, Ops, Capacity, Variant), Ops, Capacity);

    protected override void ReadState(Run run, SimulationSession session)
    {
        IReadOnlyList<LoggedEvent> all = run.Events.Events;
        int first = all.Count;
        while (first > 0 && all[first - 1].Step == run.Step && run.Step > 0)
        {
            first--; // the current step's events are the log's tail
        }

        _stepEvents = all.Skip(first).ToArray();
        Snapshot = (Sv2Snapshot)run.Model.Snapshot();
        Alarm = session.Alarm is var (at, violation) ? new AlarmInfo(at, violation.Kind.ToString(), violation.Detail) : null;
    }
}
