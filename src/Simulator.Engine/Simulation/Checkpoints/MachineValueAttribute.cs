namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>
/// Marks a field whose value comes from the machine, not from the simulation: a measurement (wall
/// time, heap bytes, resident pages) or a name the OS gave (a temporary path, a descriptor). A
/// run restored from a checkpoint keeps the checkpoint's value and measures on from there, so
/// <see cref="StateComparer"/> does not compare it with a replay's. On an auto-property, target
/// the backing field: <c>[field: MachineValue]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class MachineValueAttribute : Attribute;
