using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>get_data_owned handed out message Id: a pool slice (index 1..8 or 59) or a heap slice.</summary>
public sealed record SliceWritten(int Id, string Label, int Index, int Offset, int Length, bool OnHeap, PoolMode Mode) : SimEvent;
