namespace BufferLab.Simulator.Web.Hubs;

/// <summary>What Open answers: the session to control, and what it runs.</summary>
public sealed record SessionInfo(string SessionId, string Scenario, string System, string Seed, int LastStep);
