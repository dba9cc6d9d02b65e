using BufferLab.Simulator.Engine.Scenarios.Filestore;
using BufferLab.Simulator.Engine.Scenarios.Fuse;
using BufferLab.Simulator.Engine.Scenarios.Keep;
using BufferLab.Simulator.Engine.Scenarios.StratumV2;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Scenarios;

/// <summary>The built-in scenarios, by name.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } = [.. Sv2Presets.All, .. KeepPresets.All, .. FilestorePresets.All, .. FusePresets.All];

    public static IScenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
