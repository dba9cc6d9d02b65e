using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>Everything of a run that changes as it steps, but its append-only logs: what a checkpoint copies.</summary>
/// <param name="Outside">What the model captured of the world outside memory (<see cref="IOutsideState"/>), copied like the rest.</param>
internal sealed record RunState(RunContext Context, ISimulationModel Model, int Step, bool IsFinished, AliveAtPeak? Peak, object? Outside);
