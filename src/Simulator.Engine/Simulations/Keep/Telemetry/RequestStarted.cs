using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>The limiter let the request in: its handler runs.</summary>
public sealed record RequestStarted(int Request, bool WasQueued) : SimEvent;
