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
}
