using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>A slice the workload still holds: the byte all of it was written with, the pool mode it was handed out in, and the actor it was handed to.</summary>
public sealed record LiveSlice(int Id, string Label, Slice Slice, byte Expected, PoolMode WrittenIn, string Holder = "script")
{
    /// <summary>A pool slice that holds a slot (index 1..8).</summary>
    public bool HoldsSlot => !Slice.IsOwned && Slice.Index is >= 1 and <= BufferPoolLimits.PoolCapacity;

    /// <summary>Whether its bytes changed since they were written (only pool memory can be overwritten).</summary>
    public bool IsCorrupt => Slice.AsSpan().IndexOfAnyExcept(Expected) >= 0;

    public bool Overlaps(LiveSlice other) =>
        !Slice.IsOwned && !other.Slice.IsOwned && Slice.Length > 0 && other.Slice.Length > 0
        && Slice.Offset < other.Slice.Offset + other.Slice.Length
        && other.Slice.Offset < Slice.Offset + Slice.Length;
}
