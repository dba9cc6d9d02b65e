namespace BufferLab.Simulator.Engine.Telemetry.Keep;

/// <summary>The limiter was at MaxConcurrent: the request waits in its queue.</summary>
public sealed record RequestQueued(int Request, int QueueLength) : SimEvent;
