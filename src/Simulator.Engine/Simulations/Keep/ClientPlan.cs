using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>One client of a phase: when it starts after the phase does, its requests, and when it stops sending (a closed phase's duration).</summary>
internal sealed record ClientPlan(TimeSpan Delay, IReadOnlyList<PlannedRequest> Requests, TimeSpan? StopAfter = null);
