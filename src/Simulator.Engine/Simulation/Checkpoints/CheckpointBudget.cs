namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>
/// How much memory a run's checkpoints may take, and how many steps apart they start. When they
/// reach <see cref="Bytes"/>, every other one is dropped and the interval doubles: a long run or
/// a large state gets fewer checkpoints, never an error.
/// </summary>
/// <param name="Bytes">The most memory the checkpoints may take together (about; objects are estimated).</param>
/// <param name="Interval">Steps between checkpoints until the budget makes them sparser.</param>
public sealed record CheckpointBudget(long Bytes, int Interval)
{
    /// <summary>
    /// 64 MiB, a checkpoint every 32 steps at first: the slowest presets step at about 4,000 steps
    /// a second, so 32 steps replay in about 8 ms (see bench/ timetravel for the measured figures).
    /// </summary>
    public static readonly CheckpointBudget Default = new(64L << 20, 32);

    /// <summary>No checkpoint but the one at step 0: every step back replays from the start.</summary>
    public static readonly CheckpointBudget None = new(0, int.MaxValue);
}
