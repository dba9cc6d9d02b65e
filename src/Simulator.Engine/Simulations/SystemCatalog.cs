using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.StratumV2;

namespace BufferLab.Simulator.Engine.Simulations;

/// <summary>Every system the engine runs, in the order the product lists them. Adding a system is one line here.</summary>
public static class SystemCatalog
{
    public static IReadOnlyList<ISystemDefinition> All { get; } = [Sv2System.Instance, KeepSystem.Instance, FilestoreSystem.Instance, FuseSystem.Instance];

    /// <summary>Every system's <see cref="ISystemDefinition.Id"/>: what a scenario file's <c>system:</c> may say.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(s => s.Id)];

    /// <summary>Every system's choice keys (URL query names), each once: <c>variant</c>, <c>mode</c>, <c>reader</c>, FUSE's mount keys.</summary>
    public static IReadOnlyList<string> ChoiceKeys { get; } = [.. All.SelectMany(s => s.ChoiceKeys).Distinct()];

    public static ISystemDefinition Get(string id) =>
        All.FirstOrDefault(s => s.Id == id) ?? throw new ArgumentException($"no system '{id}'; systems: {string.Join(", ", Ids)}", nameof(id));

    public static ISystemDefinition Of(IScenario scenario) => Get(scenario.System);

    /// <summary>The system whose page is <c>/<paramref name="slug"/></c>, or null.</summary>
    public static ISystemDefinition? BySlug(string slug) => All.FirstOrDefault(s => string.Equals(s.Slug, slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// <paramref name="scenario"/> with the choices in <paramref name="values"/> (URL query names).
    /// A key the scenario's system does not take is refused, naming the systems that do:
    /// "mode applies to keep and fuse scenarios; 'readme-case1' is a stratum-v2 scenario".
    /// </summary>
    public static IScenario Apply(IScenario scenario, IReadOnlyDictionary<string, string?> values) =>
        Choices(scenario, values).ApplyTo(scenario);

    /// <summary>The choices in <paramref name="values"/> for <paramref name="scenario"/>'s system, refused as <see cref="Apply"/> says.</summary>
    public static ISystemChoices Choices(IScenario scenario, IReadOnlyDictionary<string, string?> values)
    {
        ISystemDefinition system = Of(scenario);
        foreach ((string key, string? value) in values)
        {
            if (!string.IsNullOrEmpty(value) && !system.ChoiceKeys.Contains(key))
            {
                string[] takers = [.. All.Where(s => s.ChoiceKeys.Contains(key)).Select(s => s.Id)];
                throw new ChoiceException(takers.Length == 0
                    ? $"'{key}' is not a choice of any system"
                    : $"{key} applies to {string.Join(" and ", takers)} scenarios; '{scenario.Name}' is a {scenario.System} scenario");
            }
        }

        return system.ParseChoices(values);
    }
}
