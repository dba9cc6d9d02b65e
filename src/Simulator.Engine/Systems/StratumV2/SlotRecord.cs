namespace BufferLab.Simulator.Engine.Systems.StratumV2;

// Mirrors one `(usize, usize)` entry of `InnerMemory.slots` in sv2/buffer-sv2/src/buffer_pool/mod.rs.
/// <summary>Where a handed-out slice was placed. Records are never cleared except by a full reset, so stale ones stay.</summary>
public readonly record struct SlotRecord(int Offset, int Length)
{
    public int End => Offset + Length;
}
