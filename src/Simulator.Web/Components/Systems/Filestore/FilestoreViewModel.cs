using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Filestore;

/// <summary>
/// Everything the filestore page shows and does: one run per reader on the same seeded workload
/// (the second follows the first on the virtual clock), their measured memory, the file's regions,
/// the latest reads, and the page-cache drop.
/// </summary>
public sealed class FilestoreViewModel(SessionRegistry registry) : SystemViewModel<FilestoreModel, FilestoreSnapshot>(registry)
{
    public static IReadOnlyList<FilestoreScenario> Presets => ScenarioCatalog.Of<FilestoreScenario>();

    private string _scenarioName = FilestoreQuery.DefaultScenario;

    public override string ScenarioName => _scenarioName;

    public override string SystemId => FilestoreModel.SystemId;

    public string Reader { get; private set; } = "std";

    /// <summary>The other reader's run, shown beside this one (null: just one).</summary>
    public string? CompareReader { get; private set; } = "mmap";

    public FilestoreScenario? Scenario => Session?.Scenario as FilestoreScenario;

    /// <summary>One line on how the two runs' readers differ in bytes mapped and buffered (or about the one run).</summary>
    public string ReaderBytesCaption => Snapshot is null ? "" : ReaderBytes.Caption(Snapshot, CompareSnapshot);

    /// <summary>The top of the bytes picture's log scale, the same for both runs.</summary>
    public long ReaderBytesScaleMax => ReaderBytes.ScaleMax(Snapshot, CompareSnapshot);

    protected override string MainChoice => Reader;

    protected override string? CompareChoice => CompareReader;

    protected override MetricDefinition? TimeMetric => FilestoreMetric.TimeMs;

    public void Load(IReadOnlyDictionary<string, string?> query)
    {
        FilestoreQuery parsed = FilestoreQuery.Parse(query, out List<string> problems);
        UseQuerySeed(query, parsed.Seed);
        Reader = parsed.Reader;
        CompareReader = parsed.Compare;
        OpenFromQuery(query, parsed.Scenario, FilestoreQuery.DefaultScenario, parsed.Step, problems);
    }

    public void ChoosePreset(string name) => Try(() => Open(name));

    public void SetReader(string reader)
    {
        TimeSpan at = TimeNow;
        bool both = CompareReader is not null;
        Reader = reader;
        CompareReader = both ? FilestoreQuery.Other(reader) : null;
        if (Try(() => Open(ScenarioName)))
        {
            Session!.SeekToTime(at);
            Sync();
        }
    }

    /// <summary>Shows the other reader beside this one, or only this one.</summary>
    public void SetSideBySide(bool both)
    {
        CompareReader = both ? FilestoreQuery.Other(Reader) : null;
        Try(() => OpenCompare(CompareRequest));
        Sync();
    }

    public void SetSeed(ulong seed)
    {
        Seed = seed;
        Try(() => Open(ScenarioName));
    }

    /// <summary>
    /// posix_fadvise(DONTNEED) on the run's file (the compared run's when <paramref name="compared"/>),
    /// then a fresh measurement; returns what changed, for the page to confirm ("resident 1.2 GiB → 0 B").
    /// </summary>
    public string? DropCache(bool compared)
    {
        SimulationSession? session = compared ? CompareSession : Session;
        if (session is null)
        {
            return null;
        }

        (long Before, long After) resident = (0, 0);
        Try(() => resident = session.Read(run =>
        {
            FilestoreModel model = ModelOf(run);
            long before = model.Snapshot().FileResidentBytes;
            model.DropFileCache();
            return (before, model.Snapshot().FileResidentBytes);
        }));
        Sync();
        return $"Dropped the file's cached pages: {Units.Bytes(resident.Before)} resident before, {Units.Bytes(resident.After)} after.";
    }

    /// <summary>
    /// Chart lines of process-wide figures (RSS, the system page cache): one set, sampled while this
    /// page's run steps, labelled without a reader. Both runs live in one process, so the compared
    /// run's samples are the same memory, not the other reader's.
    /// </summary>
    public IReadOnlyList<ChartSeries> ProcessSeries(params (MetricDefinition Metric, string Label)[] lines) => SeriesOf(Session, Step, TimeMetric, lines);

    public override string QueryAt(int atStep) => FilestoreQuery.Format(ScenarioName, Seed, atStep, Reader, CompareReader) + CompareScenarioQuery;

    protected override (string Key, string? Value)[] WorkloadParameters() => [("scenario", ScenarioName), ("seed", Seed.ToString(CultureInfo.InvariantCulture)), ("reader", Reader)];

    protected override ScenarioRequest? CompareRequest => CompareReader is null && CompareScenario is null ? null : new ScenarioRequest(CompareScenario ?? ScenarioName).With(FilestoreChoices.Readers.Key, CompareReader ?? Reader);

    protected override void OpenScenario(string scenario) => Open(scenario);

    private void Open(string scenario)
    {
        OpenSession(new ScenarioRequest(scenario).With(FilestoreChoices.Readers.Key, Reader));
        _scenarioName = Session!.ScenarioKey;
        OpenCompare(CompareRequest);
        Sync();
    }
}
