using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>#10541: a Ready buffer holds the block; no volume read.</summary>
public sealed record CacheHit(int Request, int Buffer, string Hash) : SimEvent;
