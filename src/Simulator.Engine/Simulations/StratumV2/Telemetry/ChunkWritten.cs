using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>get_writable wrote a chunk of message Id into the pool or the heap.</summary>
public sealed record ChunkWritten(int Id, int Bytes, PoolMode Mode) : SimEvent;
