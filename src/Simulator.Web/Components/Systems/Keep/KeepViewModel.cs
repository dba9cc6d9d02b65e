using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Keep;

/// <summary>
/// Everything the keepstore page shows and does. One session runs the chosen mode; an optional
/// second session runs the same workload and seed in another mode and follows the first on the
/// virtual clock, so the two are compared at the same moment.
/// </summary>
public sealed class KeepViewModel(SessionRegistry registry) : SystemViewModel<KeepModel, KeepSnapshot>(registry)
{
    public static IReadOnlyList<KeepScenario> Presets => ScenarioCatalog.Of<KeepScenario>();

    private string _scenarioName = KeepQuery.DefaultScenario;

    public override string ScenarioName => _scenarioName;

    public override string SystemId => KeepModel.SystemId;

    public string Mode { get; private set; } = "current";

    /// <summary>The mode of the compared run, if any.</summary>
    public string? CompareMode { get; private set; }

    public KeepScenario? Scenario => Session?.Scenario as KeepScenario;

    public KeepTotals? Totals { get; private set; }

    public KeepTotals? CompareTotals { get; private set; }

    /// <summary>Opens what the URL asks for; whatever is invalid falls back and is reported in <see cref="SessionViewModel.Notices"/>.</summary>
    public void Load(IReadOnlyDictionary<string, string?> query)
    {
        KeepQuery parsed = KeepQuery.Parse(query, out List<string> problems);
        UseQuerySeed(query, parsed.Seed);
        Mode = parsed.Mode;
        CompareMode = parsed.Compare;
        OpenFromQuery(query, parsed.Scenario, KeepQuery.DefaultScenario, parsed.Step, problems);
    }

    public void ChoosePreset(string name) => Try(() => Open(name));

    /// <summary>The same workload in another mode, at the same virtual time.</summary>
    public void SetMode(string mode)
    {
        TimeSpan at = TimeNow;
        Mode = mode;
        if (CompareMode == mode)
        {
            CompareMode = null;
        }

        if (Try(() => Open(ScenarioName)))
        {
            Session!.SeekToTime(at);
            Sync();
        }
    }

    /// <summary>Runs a second copy of the workload in <paramref name="mode"/> beside this one (null: none, or the compared scenario in this mode).</summary>
    public void SetCompare(string? mode)
    {
        CompareMode = mode == Mode || string.IsNullOrEmpty(mode) ? null : mode;
        Try(() => OpenCompare(CompareRequest));
        Sync();
    }

    public void SetSeed(ulong seed)
    {
        Seed = seed;
        Try(() => Open(ScenarioName));
    }

    public override string QueryAt(int atStep) => KeepQuery.Format(ScenarioName, Seed, atStep, Mode, CompareMode) + CompareScenarioQuery;

    protected override (string Key, string? Value)[] WorkloadParameters() => [("scenario", ScenarioName), ("seed", Seed.ToString(CultureInfo.InvariantCulture)), ("mode", Mode)];

    protected override string MainChoice => Mode;

    protected override string? CompareChoice => CompareMode;

    protected override MetricDefinition? TimeMetric => KeepMetric.TimeMs;

    /// <summary>Every request's lane (the page virtualises them) on a time axis from 0 to <paramref name="horizonUs"/> (default: the snapshot's now).</summary>
    public static LaneRow[] Lanes(KeepSnapshot snapshot, long? horizonUs = null)
    {
        double horizon = Math.Max(1, horizonUs ?? snapshot.TimeUs);
        return [.. snapshot.Requests.Select(r => new LaneRow(r.Id, r.Method, r.Hash[..8], r.Status, r.Truncated, r.Error, r.Shared,
            [.. Merged(r.Segments).Select(s => LanePhases.Of(s.Phase) is { } words ? Bar(r.Id, s, words, snapshot.TimeUs, horizon) : null).OfType<LaneBar>()]))];
    }

    /// <summary>A phase entered again where it ended (a #10541 hit enters Streaming, then waits for delivery in Streaming) is one bar.</summary>
    private static List<LaneSegment> Merged(IReadOnlyList<LaneSegment> segments)
    {
        var merged = new List<LaneSegment>(segments.Count);
        foreach (LaneSegment segment in segments)
        {
            if (merged.Count > 0 && merged[^1].Phase == segment.Phase && merged[^1].EndUs == segment.StartUs)
            {
                merged[^1] = merged[^1] with { EndUs = segment.EndUs };
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged;
    }

    private static LaneBar Bar(int request, LaneSegment segment, (string Css, string Words) phase, long nowUs, double horizon)
    {
        long end = segment.EndUs ?? nowUs;
        double left = Math.Min(100, 100 * segment.StartUs / horizon);
        double width = Math.Min(100 - left, Math.Max(0.15, 100 * (end - segment.StartUs) / horizon));
        return new LaneBar(phase.Css, left, width,
            string.Create(CultureInfo.InvariantCulture, $"#{request} {phase.Words}: {segment.StartUs / 1000.0:0.#} to {end / 1000.0:0.#} ms{(segment.EndUs is null ? " (still)" : "")}"));
    }

    protected override void ReadMain(Run run, KeepModel model, KeepSnapshot snapshot) => Totals = TotalsOf(model);

    protected override void ReadCompare(Run? run, KeepModel? model) => CompareTotals = model is null ? null : TotalsOf(model);

    private static KeepTotals TotalsOf(KeepModel model)
    {
        var m = model.Metrics().ToDictionary(v => v.Name, v => v.Value);
        return new KeepTotals(KeepChoices.Modes.NameOf(model.Config.Mode), m[KeepMetric.TimeMs.Name], model.Counters.Requests, model.Counters.ResponseCount,
            model.Counters.VolumeReads, model.Counters.BytesFromVolumes, model.Counters.BytesServed, model.BuffersInUse, model.Config.MaxBuffers,
            model.AllocatedBytes, (int)m[KeepMetric.ConcurrentRequests.Name], (int)m[KeepMetric.QueuedRequests.Name], (int)m[KeepMetric.BufferWaiters.Name],
            model.Counters.SharedResults, (int)m[KeepMetric.Evictions.Name], model.Counters.LatencyMs(50), model.Counters.LatencyMs(99),
            [.. model.Counters.Responses.Select(kv => (kv.Key, kv.Value))]);
    }

    protected override void OpenScenario(string scenario) => Open(scenario);

    private void Open(string scenario)
    {
        OpenSession(new ScenarioRequest(scenario).With(KeepChoices.Modes.Key, Mode));
        _scenarioName = Session!.ScenarioKey;
        OpenCompare(CompareRequest);
        Sync();
    }

    protected override ScenarioRequest? CompareRequest => CompareMode is null && CompareScenario is null ? null : new ScenarioRequest(CompareScenario ?? ScenarioName).With(KeepChoices.Modes.Key, CompareMode ?? Mode);
}
