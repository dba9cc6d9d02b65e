using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>The whole observable state of a BufferPool and its live slices after a step.</summary>
public sealed record Sv2Snapshot(
    int Capacity,
    Sv2Variant Variant,
    PoolMode Mode,
    bool ModeChangedThisStep,
    byte SharedState,
    int InnerLen,
    int RawOffset,
    int RawLength,
    int BackStart,
    int BackLen,
    FrontView? Front,
    int SystemLength,
    IReadOnlyList<SlotRecord> Slots,
    IReadOnlyList<LiveSliceView> Live,
    string SlotMap,
    string ModeText,
    bool StuckInAlloc,
    string? Failure)
{
    /// <summary>The README's form, e.g. `9a3456bc BACK MODE`.</summary>
    public string SlotMapText => $"{SlotMap} {ModeText}";

    /// <summary>ss as 8 bits, slot 1 first.</summary>
    public string SharedStateBits => Convert.ToString(SharedState, 2).PadLeft(8, '0');
}
