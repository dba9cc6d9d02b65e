using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Telemetry.StratumV2;

/// <summary>Bytes went to the heap buffer (BufferFromSystemMemory) instead of the pool.</summary>
public sealed record HeapFallback(int Bytes) : SimEvent;
