namespace BufferLab.Simulator.Web.Hubs;

/// <summary>
/// What the hub's Status answers: the engine's <see cref="Engine.Remote.SessionStatus"/>
/// (src/Simulator.Engine/Remote/SessionStatus.cs), field for field, and after it the session's
/// checkpoints (how many, their memory, the budget, the steps between them). The fields are only
/// added, so a client that reads SessionStatus (the CLI's remote) parses this as before. Kept in the
/// dashboard while the engine's record is not to be changed; it can move there whole.
/// </summary>
public sealed record SessionStatusWithCheckpoints(
    int Step,
    int LastStep,
    bool Playing,
    bool Finished,
    string? EventLogSha256,
    int CheckpointCount,
    long CheckpointBytes,
    long CheckpointBudgetBytes,
    int CheckpointInterval);
