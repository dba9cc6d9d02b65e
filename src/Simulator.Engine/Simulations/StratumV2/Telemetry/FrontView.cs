using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>PoolFront's fields while the pool is in Front mode.</summary>
public sealed record FrontView(int BackStart, int ByteCapacity, int Len);
