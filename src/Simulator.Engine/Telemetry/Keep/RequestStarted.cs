namespace BufferLab.Simulator.Engine.Telemetry.Keep;

/// <summary>The limiter let the request in: its handler runs.</summary>
public sealed record RequestStarted(int Request, bool WasQueued) : SimEvent;
