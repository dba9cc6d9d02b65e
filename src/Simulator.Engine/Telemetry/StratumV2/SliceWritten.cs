using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Telemetry.StratumV2;

/// <summary>get_data_owned handed out message Id: a pool slice (index 1..8 or 59) or a heap slice.</summary>
public sealed record SliceWritten(int Id, string Label, int Index, int Offset, int Length, bool OnHeap, PoolMode Mode) : SimEvent;
