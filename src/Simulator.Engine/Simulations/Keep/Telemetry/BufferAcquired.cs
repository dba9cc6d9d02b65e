using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>The request holds a buffer: a new allocation or one reused from the pool.</summary>
public sealed record BufferAcquired(int Request, int Buffer, bool Allocated, long WaitedUs) : SimEvent;
