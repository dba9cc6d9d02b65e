using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>The limiter was at MaxConcurrent: the request waits in its queue.</summary>
public sealed record RequestQueued(int Request, int QueueLength) : SimEvent;
