using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Scenarios.Files;

/// <summary>A scenario file that validated: the scenario it describes, its seed when it names one, and its text as written.</summary>
public sealed record ScenarioDocument(IScenario Scenario, ulong? Seed, string FileName, string Text)
{
    public string Name => Scenario.Name;

    /// <summary>Whether the file replays a recorded trace.</summary>
    public bool IsTrace { get; init; }
}
