namespace BufferLab.Simulator.Engine.Remote;

/// <summary>
/// What Status answers: the session's step, its last step, whether it is playing, once it
/// reached its last step the SHA-256 of its event log (the runner's `eventLogSha256` for the same
/// scenario and seed), and its checkpoints: how many, the memory they take (about), the budget
/// they keep within, and the steps between them (at most that many are replayed after a restore).
/// </summary>
public sealed record SessionStatus(
    int Step,
    int LastStep,
    bool Playing,
    bool Finished,
    string? EventLogSha256 = null,
    int CheckpointCount = 0,
    long CheckpointBytes = 0,
    long CheckpointBudgetBytes = 0,
    int CheckpointInterval = 0);
