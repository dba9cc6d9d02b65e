using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>The Stratum V2 <c>buffer_sv2</c> BufferPool, as the product sees it.</summary>
public sealed class Sv2System : ISystemDefinition
{
    public static readonly Sv2System Instance = new();

    private Sv2System()
    {
    }

    public string Id => Sv2Model.SystemId;

    public string Slug => "stratum";

    public string Title => "Stratum V2 pool";

    public IReadOnlyList<string> FileKeys => Sv2ScenarioReader.ExtraKeys;

    public IReadOnlyList<string> ChoiceKeys { get; } = [Sv2Choices.Variants.Key];

    public IReadOnlyList<MetricDefinition> Metrics => Sv2Metric.All;

    IScenario? ISystemDefinition.Read(YamlMap root, ScenarioHeader? header, WorkloadTrace? trace) => Sv2ScenarioReader.Read(root, header, trace);

    public ISystemChoices ParseChoices(IReadOnlyDictionary<string, string?> values) => Sv2Choices.Parse(values);

    public ISystemChoices ChoicesOf(IScenario scenario) => new Sv2Choices(((Sv2Scenario)scenario).Variant);

    /// <summary>The variant when it is the fixed one: the page runs the faithful code unless told.</summary>
    public IEnumerable<(string Key, string Value)> LinkChoices(IScenario scenario) =>
        ((Sv2Scenario)scenario).Variant == Sv2Variant.Fixed ? ChoicesOf(scenario).ToQuery() : [];

    /// <summary>One pool of at most 1 MiB and its heap fallbacks: the op strings' own bounds keep it small.</summary>
    public RunCost Cost(IScenario scenario) => new(((Sv2Scenario)scenario).Capacity * 2L, 0, "lower options.capacity");

    /// <summary>The fixed variant only: the faithful one is what every scenario runs by default.</summary>
    public IEnumerable<(string Label, IScenario Scenario)> Alternatives(IScenario scenario) =>
        [($"{Sv2Choices.Variants.Key}=fixed", new Sv2Choices(Sv2Variant.Fixed).ApplyTo(scenario))];
}
