namespace BufferLab.Simulator.Web.Hubs;

/// <summary>What Status answers: the session's step, its last step, and whether it is playing.</summary>
public sealed record SessionStatus(int Step, int LastStep, bool Playing, bool Finished);
