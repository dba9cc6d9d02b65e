namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>
/// Marks a type whose instances stand for something outside memory (a socket pair, a database, a
/// file): a checkpoint refers to the same instance instead of copying it, and the model that owns it
/// puts what the run depends on back itself (<see cref="IOutsideState"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CheckpointSharedAttribute : Attribute;
