namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>A named workload on one system: everything a run needs besides the seed.</summary>
public interface IScenario
{
    string Name { get; }

    string System { get; }

    /// <summary>A short human title (the name when the file gives none).</summary>
    string Title { get; }

    string Description { get; }

    /// <summary>Builds a fresh system and spawns the workload's actors on the context's scheduler.</summary>
    ISimulationModel Build(RunContext context);

    /// <summary>
    /// The same scenario for a run whose event log is all that is wanted (a page's outline, a
    /// fingerprint): machinery that only measures (the filestore's reader processes) left off. Its
    /// event log is the same, byte for byte.
    /// </summary>
    IScenario ForEventLog() => this;
}
