namespace BufferLab.Simulator.Engine.Remote;

/// <summary>What Open answers: the session to control, and what it runs.</summary>
public sealed record SessionInfo(string SessionId, string Scenario, string System, string Seed, int LastStep);
