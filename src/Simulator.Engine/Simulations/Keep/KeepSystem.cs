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

    /// <summary>Every block's real bytes (stored once, on its first rendezvous volume) and the pool's buffers at most.</summary>
    public RunCost Cost(IScenario scenario)
    {
        var keep = (KeepScenario)scenario;
        long blocks = (long)keep.Blocks * (keep.BlockBytes / keep.Config.Scale);
        long buffers = Math.Min((long)keep.Config.MaxBuffers * keep.Config.BufferSize, KeepConfig.MaxBufferBytes);
        return new RunCost(blocks + buffers, 0, "raise options.scale, or lower options.blocks or options.maxBuffers");
    }

    public IEnumerable<(string Label, IScenario Scenario)> Alternatives(IScenario scenario) =>
        KeepChoices.Modes.Each(mode => new KeepChoices(mode).ApplyTo(scenario));
}
