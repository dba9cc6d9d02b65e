namespace BufferLab.Simulator.Engine.Remote;

/// <summary>
/// What Status answers: the session's step, its last step, whether it is playing, and, once it
/// reached its last step, the SHA-256 of its event log (the runner's `eventLogSha256` for the same
/// scenario and seed).
/// </summary>
public sealed record SessionStatus(int Step, int LastStep, bool Playing, bool Finished, string? EventLogSha256 = null);
