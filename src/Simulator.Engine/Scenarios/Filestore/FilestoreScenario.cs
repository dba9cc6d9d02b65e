using BufferLab.Simulator.Engine.Models.Filestore;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Scenarios.Filestore;

/// <summary>A filestore workload (<see cref="FilestoreConfig"/>) by name; the same workload runs with either reader.</summary>
public sealed record FilestoreScenario : IScenario
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public string System => FilestoreModel.SystemId;

    public FilestoreConfig Config { get; init; } = new();

    public FilestoreScenario WithReader(ReaderKind reader) => this with { Config = Config with { Reader = reader } };

    public ISimulationModel Build(RunContext context) => new FilestoreModel(Config, context);
}
