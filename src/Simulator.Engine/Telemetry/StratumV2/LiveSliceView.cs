using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Telemetry.StratumV2;

/// <summary>A live slice as a view shows it.</summary>
public sealed record LiveSliceView(int Id, string Label, int Index, int Offset, int Length, bool OnHeap, PoolMode WrittenIn, bool Corrupt, bool DuplicateIndex);
