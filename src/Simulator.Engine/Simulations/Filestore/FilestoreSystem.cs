using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>ipfs/boxo's filestore with its ReadAt and mmap block readers, as the product sees it.</summary>
public sealed class FilestoreSystem : ISystemDefinition
{
    public static readonly FilestoreSystem Instance = new();

    private FilestoreSystem()
    {
    }

    public string Id => FilestoreModel.SystemId;

    public string Slug => "filestore";

    public string Title => "Filestore readers";

    public IReadOnlyList<string> ChoiceKeys { get; } = [FilestoreChoices.Readers.Key];

    public IReadOnlyList<MetricDefinition> Metrics => FilestoreMetric.All;

    IScenario? ISystemDefinition.Read(YamlMap root, ScenarioHeader? header, WorkloadTrace? trace) => FilestoreScenarioReader.Read(root, header, trace);

    public ISystemChoices ParseChoices(IReadOnlyDictionary<string, string?> values) => FilestoreChoices.Parse(values);

    public ISystemChoices ChoicesOf(IScenario scenario) => new FilestoreChoices(((FilestoreScenario)scenario).Config.Reader);

    public IEnumerable<(string Key, string Value)> LinkChoices(IScenario scenario) => ChoicesOf(scenario).ToQuery();

    /// <summary>The chunks the writers put in the sparse file (on disk), and each reader's buffer.</summary>
    public RunCost Cost(IScenario scenario)
    {
        FilestoreConfig config = ((FilestoreScenario)scenario).Config;
        long written = Math.Min(config.FileBytes, (long)config.ChunksToWrite * config.ChunkBytes);
        return new RunCost((long)config.Readers * config.ChunkBytes, written, "lower options.chunksToWrite or options.chunkBytes");
    }

    public IEnumerable<(string Label, IScenario Scenario)> Alternatives(IScenario scenario) =>
        FilestoreChoices.Readers.Each(reader => new FilestoreChoices(reader).ApplyTo(scenario));
}
