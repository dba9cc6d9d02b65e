using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Telemetry.StratumV2;

/// <summary>Slice Id was dropped: its index bit was XOR-toggled (no-op for index 59).</summary>
public sealed record SliceDropped(int Id, int Index, string SharedStateAfter) : SimEvent;
