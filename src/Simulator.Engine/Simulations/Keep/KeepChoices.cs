using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>Keepstore's one choice: which server answers the workload (<c>mode=current|legacy|coalescing</c>).</summary>
public sealed record KeepChoices(KeepServerMode? Mode = null) : ISystemChoices
{
    public static readonly ChoiceTable<KeepServerMode> Modes = new("mode",
        ("current", KeepServerMode.Current, "current"), ("legacy", KeepServerMode.Legacy, "legacy 2017"), ("coalescing", KeepServerMode.Coalescing, "coalescing #10541"));

    public static KeepChoices Parse(IReadOnlyDictionary<string, string?> values) =>
        new(values.GetValueOrDefault(Modes.Key) is { Length: > 0 } mode ? Modes.Parse(mode) : null);

    public IScenario ApplyTo(IScenario scenario) => Mode is { } mode ? ((KeepScenario)scenario).WithMode(mode) : scenario;

    public IEnumerable<(string Key, string Value)> ToQuery() => Mode is { } mode ? [(Modes.Key, Modes.NameOf(mode))] : [];

    public IEnumerable<(string Path, string Value)> ToFile() => Mode is { } mode ? [($"options.{Modes.Key}", Modes.NameOf(mode))] : [];
}
