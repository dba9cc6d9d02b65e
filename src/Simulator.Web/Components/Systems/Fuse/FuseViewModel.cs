using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>
/// Everything the FUSE page shows and does: a workload against one daemon (master, PR #198
/// vectored, or PR #198 contiguous), optionally a second daemon on the same workload in lockstep,
/// with the mount's page size, MaxMessageSize and the kernel's max_pages_limit adjustable.
/// </summary>
public sealed class FuseViewModel(SessionRegistry registry) : SystemViewModel<FuseModel, FuseSnapshot>(registry)
{
    public static IReadOnlyList<FuseScenario> Presets => ScenarioCatalog.Of<FuseScenario>();

    private string _scenarioName = FuseQuery.DefaultScenario;
    private (MessageView? Main, MessageView? Compare) _mapped;
    private (MessageMap? Main, MessageMap? Compare) _maps;

    public override string ScenarioName => _scenarioName;

    public override string SystemId => Engine.Simulations.Fuse.FuseModel.SystemId;

    public string Mode { get; private set; } = "vectored";

    public string? CompareMode { get; private set; } = "contiguous-large";

    /// <summary>The mount the URL or the form chose (page size, MaxMessageSize, max_pages_limit, and PR #198's vectored switches apart from the mode); null fields: the scenario's. Its mode is always null: <see cref="Mode"/> is the daemon.</summary>
    public FuseChoices Mount { get; private set; } = new();

    public FuseScenario? Scenario => Session?.Scenario as FuseScenario;

    /// <summary>Headings and legends name the daemons as people do ("PR #198 contiguous"), not by their URL names.</summary>
    protected override string MainChoice => FuseChoices.Modes.TitleOf(Mode);

    protected override string? CompareChoice => CompareMode is null ? null : FuseChoices.Modes.TitleOf(CompareMode);

    /// <summary>Both runs' last messages, laid out at one byte scale (recomputed only when a message changes).</summary>
    public (MessageMap? Main, MessageMap? Compare) MessageMaps
    {
        get
        {
            MessageView? main = Snapshot?.LastMessage, compare = CompareSnapshot?.LastMessage;
            if (!ReferenceEquals(main, _mapped.Main) || !ReferenceEquals(compare, _mapped.Compare))
            {
                _mapped = (main, compare);
                _maps = MessageMapLayout.Build(main, compare);
            }

            return _maps;
        }
    }

    /// <summary>What a daemon does with a message, in one line under its name.</summary>
    public static string Describe(string mode) => mode switch
    {
        "master" => "One contiguous InMessage of page + 1 MiB per op in flight; payloads are views into it.",
        "vectored" => "PR #198 with vectored I/O: one readv into pooled blocks; payloads and large reads stay in blocks (DataBlocks, DstBufs).",
        _ => "PR #198 with vectored I/O off: one readv into pooled blocks, then a heap copy when a payload spans them.",
    };

    protected override MetricDefinition? TimeMetric => FuseMetric.TimeMs;

    public void Load(IReadOnlyDictionary<string, string?> query)
    {
        FuseQuery parsed = FuseQuery.Parse(query, out List<string> problems);
        UseQuerySeed(query, parsed.Seed);
        Mode = parsed.Mode;
        CompareMode = parsed.Compare;
        Mount = parsed.Mount;
        OpenFromQuery(query, parsed.Scenario, FuseQuery.DefaultScenario, parsed.Step, problems, ClearMount);
    }

    public void ChoosePreset(string name)
    {
        ClearMount();
        Try(() => Open(name));
    }

    public void SetMode(string mode)
    {
        Mode = mode;
        Mount = Mount with { VectoredReads = null, VectoredWrites = null }; // the new daemon's own switches
        if (CompareMode == mode)
        {
            CompareMode = FuseQuery.DefaultCompare(mode);
        }

        Try(() => Open(ScenarioName));
    }

    public void SetCompare(string? mode)
    {
        CompareMode = string.IsNullOrEmpty(mode) || mode == Mode ? null : mode;
        Try(() => OpenCompare(CompareRequest));
        Sync();
    }

    /// <summary>A new mount; a bad combination is refused with the reason and nothing changes.</summary>
    public void SetMount(int? pageSize, int? maxMessageMiB, int? maxPagesLimit, bool? vectoredReads = null, bool? vectoredWrites = null)
    {
        FuseChoices previous = Mount;
        Mount = new FuseChoices(null, pageSize, maxMessageMiB is { } mib ? (uint)Math.Clamp(mib, 0, 4095) << 20 : null, maxPagesLimit, vectoredReads, vectoredWrites);
        if (!Try(() => Open(ScenarioName)))
        {
            Mount = previous;
        }
    }

    public void SetSeed(ulong seed)
    {
        Seed = seed;
        Try(() => Open(ScenarioName));
    }

    public override string QueryAt(int atStep) => FuseQuery.Format(ScenarioName, Seed, atStep, Mode, CompareMode, Mount) + CompareScenarioQuery;

    protected override (string Key, string? Value)[] WorkloadParameters() =>
        [("scenario", ScenarioName), ("seed", Seed.ToString(CultureInfo.InvariantCulture)), (FuseChoices.Modes.Key, Mode), .. Mount.ToQuery().Select(c => (c.Key, (string?)c.Value))];

    /// <summary>Heap bytes per op so far (0 before the first op).</summary>
    public static double HeapPerOp(FuseSnapshot s) => s.Ops == 0 ? 0 : (double)s.HeapBytes / s.Ops;

    /// <summary>Bytes the library copied per byte served.</summary>
    public static double CopiesPerByte(FuseSnapshot s) => s.BytesServed == 0 ? 0 : (double)s.BytesCopied / s.BytesServed;


    /// <summary>The mount's sizes go to both daemons; the vectored switches only to the main one, so the compared daemon stays itself.</summary>
    private ScenarioRequest Request(string scenario, string mode, bool main) =>
        new ScenarioRequest(scenario).With(main ? Mount : Mount with { VectoredReads = null, VectoredWrites = null }).With(FuseChoices.Modes.Key, mode);

    protected override ScenarioRequest? CompareRequest => CompareMode is null && CompareScenario is null ? null : Request(CompareScenario ?? ScenarioName, CompareMode ?? Mode, main: CompareMode is null);

    protected override void OpenScenario(string scenario) => Open(scenario);

    private void ClearMount() => Mount = new();

    private void Open(string scenario)
    {
        OpenSession(Request(scenario, Mode, main: true));
        _scenarioName = Session!.ScenarioKey;
        OpenCompare(CompareRequest);
        Sync();
    }
}
