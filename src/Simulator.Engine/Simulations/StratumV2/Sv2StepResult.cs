using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>What one op did: the index get_data_owned returned (null if none; -1 for a heap slice), the corrupt slices after it, and a panic message.</summary>
public sealed record Sv2StepResult(int? Index, IReadOnlyList<int> CorruptIds, string? Panic)
{
    public const int HeapIndex = -1;
}
