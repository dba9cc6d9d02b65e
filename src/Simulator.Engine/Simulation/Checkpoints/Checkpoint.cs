namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>
/// A run's state at one step, copied and frozen: nothing refers into it, so it is copied again
/// to restore it. The event log and trace are not copied; their lengths at the step are kept.
/// </summary>
/// <param name="Frozen">The large byte arrays of the state, each kept in chunks, by the one-byte stand-in the copy holds in its place.</param>
/// <param name="Bytes">About how much memory the copy takes, besides its chunks.</param>
internal sealed record Checkpoint(RunState State, IReadOnlyDictionary<byte[], FrozenBytes> Frozen, int Events, int TraceEntries, long Bytes)
{
    public int Step => State.Step;
}
