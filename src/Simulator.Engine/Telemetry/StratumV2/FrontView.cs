namespace BufferLab.Simulator.Engine.Telemetry.StratumV2;

/// <summary>PoolFront's fields while the pool is in Front mode.</summary>
public sealed record FrontView(int BackStart, int ByteCapacity, int Len);
