using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>jacobsa/fuse's message buffers (master and PR #198), as the product sees them.</summary>
public sealed class FuseSystem : ISystemDefinition
{
    public static readonly FuseSystem Instance = new();

    private FuseSystem()
    {
    }

    public string Id => FuseModel.SystemId;

    public string Slug => "fuse";

    public string Title => "FUSE buffers";

    public IReadOnlyList<string> ChoiceKeys => FuseChoices.Keys;

    public IReadOnlyList<MetricDefinition> Metrics => FuseMetric.All;

    IScenario? ISystemDefinition.Read(YamlMap root, ScenarioHeader? header, WorkloadTrace? trace) => FuseScenarioReader.Read(root, header, trace);

    public ISystemChoices ParseChoices(IReadOnlyDictionary<string, string?> values) => FuseChoices.Parse(values);

    public ISystemChoices ChoicesOf(IScenario scenario)
    {
        var fuse = (FuseScenario)scenario;
        return new FuseChoices(fuse.Mode, fuse.PageSize, fuse.MaxMessageSize, fuse.MaxPagesLimit, fuse.VectoredReads, fuse.VectoredWrites);
    }

    /// <summary>The daemon only: the page keeps its own mount sizes unless the URL names them.</summary>
    public IEnumerable<(string Key, string Value)> LinkChoices(IScenario scenario) => new FuseChoices(((FuseScenario)scenario).Mode).ToQuery();

    /// <summary>The memfs file, PR #198's block pools (48 + 8 blocks of 1 MiB) and two of the largest messages.</summary>
    public RunCost Cost(IScenario scenario)
    {
        var fuse = (FuseScenario)scenario;
        long message = (long)fuse.MaxPagesLimit * fuse.PageSize;
        return new RunCost(fuse.FileBytes + (56L << 20) + (2 * message), 0, "lower options.fileBytes or options.maxPagesLimit");
    }

    public IEnumerable<(string Label, IScenario Scenario)> Alternatives(IScenario scenario) =>
        FuseChoices.Modes.Each(mode => new FuseChoices(mode).ApplyTo(scenario));
}
