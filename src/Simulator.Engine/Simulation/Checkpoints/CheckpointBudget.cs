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
    /// 128 MiB, a checkpoint every 32 steps at first. The slowest presets (keepstore's) step at
    /// about 2,000-4,000 steps a second, so 32 steps replay in 8-16 ms; keepstore's checkpoints take
    /// about 0.3 MiB each, FUSE's several MiB (it moves real megabytes), so at 64 MiB keep-zipf's
    /// were thinned to one every 64 steps and FUSE's to a handful (bench: timetravel --budget).
    /// </summary>
    public static readonly CheckpointBudget Default = new(128L << 20, 32);

    /// <summary>No checkpoint but the one at step 0: every step back replays from the start.</summary>
    public static readonly CheckpointBudget None = new(0, int.MaxValue);
}
