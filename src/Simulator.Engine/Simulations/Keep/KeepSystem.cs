using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>Arvados keepstore's buffer pool and request limiter, and Feature #10541's coalescing buffers, as the product sees them.</summary>
public sealed class KeepSystem : ISystemDefinition
{
    public static readonly KeepSystem Instance = new();

    private KeepSystem()
    {
    }

    public string Id => KeepModel.SystemId;

    public string Slug => "keep";

    public string Title => "Keepstore buffers";

    public IReadOnlyList<string> ChoiceKeys { get; } = [KeepChoices.Modes.Key];

    public IReadOnlyList<MetricDefinition> Metrics => KeepMetric.All;

    IScenario? ISystemDefinition.Read(YamlMap root, ScenarioHeader? header, WorkloadTrace? trace) => KeepScenarioReader.Read(root, header, trace);

    public ISystemChoices ParseChoices(IReadOnlyDictionary<string, string?> values) => KeepChoices.Parse(values);

    public ISystemChoices ChoicesOf(IScenario scenario) => new KeepChoices(((KeepScenario)scenario).Config.Mode);

    public IEnumerable<(string Key, string Value)> LinkChoices(IScenario scenario) => ChoicesOf(scenario).ToQuery();

    public IEnumerable<(string Label, IScenario Scenario)> Alternatives(IScenario scenario) =>
        KeepChoices.Modes.Names.Select(m => ($"{KeepChoices.Modes.Key}={m}", new KeepChoices(KeepChoices.Modes.Parse(m)).ApplyTo(scenario)));
}
