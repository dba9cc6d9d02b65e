using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>A live slice as a view shows it.</summary>
public sealed record LiveSliceView(int Id, string Label, int Index, int Offset, int Length, bool OnHeap, PoolMode WrittenIn, bool Corrupt, bool DuplicateIndex);
