using BufferLab.Simulator.Engine.Simulation.Checkpoints;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// A session's checkpoints now: how many, the memory they take (about), the budget they keep
/// within, and the steps between them, so at most <see cref="Interval"/> steps are replayed after
/// a restore. Zero budget: there are none and a step back replays from step 0.
/// </summary>
public sealed record SessionCheckpoints(int Count, long Bytes, long BudgetBytes, int Interval)
{
    public static SessionCheckpoints Of(RunCheckpoints checkpoints) =>
        new(checkpoints.Count, checkpoints.Bytes, checkpoints.Budget.Bytes, checkpoints.Interval);
}
