using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>A garbage collection: sync.Pool dropped its victim buffers and moved idle ones to the victim cache.</summary>
public sealed record PoolCollected(int Dropped, int Victims) : SimEvent;
