using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>In-progress bytes were copied (memmove in the pool, or to/from the heap).</summary>
public sealed record BytesMoved(int Bytes, BytesMoveKind Kind, int FromOffset, int ToOffset) : SimEvent;
