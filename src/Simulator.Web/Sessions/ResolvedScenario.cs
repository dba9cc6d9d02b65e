using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// What a <see cref="ScenarioRequest"/> names: the scenario to run, the key that names it again
/// in a URL (a preset's name, a library id, or null for an op string or inline YAML), the seed
/// its file names (if any), the text of its file (an op string's is written as one), and a hash of what the run is made of (text
/// or op string, and the choices applied), equal for equal workloads.
/// </summary>
public sealed record ResolvedScenario(IScenario Scenario, string? Key, ulong? FileSeed, string Text)
{
    public string? ContentKey { get; init; }
}
