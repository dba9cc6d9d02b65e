using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>Slice Id was dropped: its index bit was XOR-toggled (no-op for index 59).</summary>
public sealed record SliceDropped(int Id, int Index, string SharedStateAfter) : SimEvent;
