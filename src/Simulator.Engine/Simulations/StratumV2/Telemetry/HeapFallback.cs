using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>Bytes went to the heap buffer (BufferFromSystemMemory) instead of the pool.</summary>
public sealed record HeapFallback(int Bytes) : SimEvent;
