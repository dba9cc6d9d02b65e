using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Telemetry.StratumV2;

/// <summary>get_writable wrote a chunk of message Id into the pool or the heap.</summary>
public sealed record ChunkWritten(int Id, int Bytes, PoolMode Mode) : SimEvent;
