using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>The Stratum V2 pool's one choice: the faithful upstream code or the fixed variant (<c>variant=fixed</c>).</summary>
public sealed record Sv2Choices(Sv2Variant? Variant = null) : ISystemChoices
{
    public static readonly ChoiceTable<Sv2Variant> Variants = new("variant", ("faithful", Sv2Variant.Faithful, "faithful 3.0.1"), ("fixed", Sv2Variant.Fixed, "fixed B1-B6"));

    public static Sv2Choices Parse(IReadOnlyDictionary<string, string?> values) =>
        new(values.GetValueOrDefault(Variants.Key) is { Length: > 0 } variant ? Variants.Parse(variant) : null);

    public IScenario ApplyTo(IScenario scenario) => Variant is { } variant ? ((Sv2Scenario)scenario) with { Variant = variant } : scenario;

    public IEnumerable<(string Key, string Value)> ToQuery() => Variant is { } variant ? [(Variants.Key, Variants.NameOf(variant))] : [];

    public IEnumerable<(string Path, string Value)> ToFile() => Variant is { } variant ? [($"options.{Variants.Key}", Variants.NameOf(variant))] : [];
}
