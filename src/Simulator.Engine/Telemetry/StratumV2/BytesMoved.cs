using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Telemetry.StratumV2;

/// <summary>In-progress bytes were copied (memmove in the pool, or to/from the heap).</summary>
public sealed record BytesMoved(int Bytes, BytesMoveKind Kind, int FromOffset, int ToOffset) : SimEvent;
