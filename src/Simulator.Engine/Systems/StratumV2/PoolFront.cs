namespace BufferLab.Simulator.Engine.Systems.StratumV2;

// Mirrors `PoolFront` in sv2/buffer-sv2/src/buffer_pool/mod.rs (crate 3.0.1).
/// <summary>The front region: slots 0 .. BackStart, bytes 0 .. ByteCapacity, reused after the back fills.</summary>
public struct PoolFront(int backStart, int byteCapacity)
{
    /// <summary>The front may use slots 0 .. BackStart.</summary>
    public int BackStart { get; } = backStart;

    /// <summary>The start of the first back slice: front bytes must end before it.</summary>
    public int ByteCapacity { get; } = byteCapacity;

    /// <summary>Front slots in use.</summary>
    public int Len { get; internal set; }

    /// <summary>`try_clear_tail`: drop the freed suffix of the front slots.</summary>
    internal bool TryClearTail(ref InnerMemory memory, byte sharedState, Sv2Variant variant)
    {
        int shifted = sharedState >> (BufferPoolLimits.PoolCapacity - Len);
        int elementsToDrop = PoolBack.TrailingZeros((byte)shifted);
        switch (elementsToDrop)
        {
            case 0:
                return false;
            case 8:
                Len = 0;
                if (variant == Sv2Variant.Fixed)
                {
                    memory.Len = 0; // B3 fix: upstream leaves inner.len stale here
                }

                memory.MoveRawAtOffsetUnchecked(memory.ComputeRawOffset());
                return true;
            default:
                Len -= elementsToDrop;
                memory.Len = Len;
                memory.MoveRawAtOffsetUnchecked(memory.ComputeRawOffset());
                return true;
        }
    }

    /// <summary>`get_writable` in Front mode: fits, or clear the freed tail, or ask for Back.</summary>
    internal WriteOutcome GetWritable(int requested, ref InnerMemory memory, byte sharedState, Sv2Variant variant)
    {
        if (Len < BackStart && memory.HasCapacityUntilOffset(requested, ByteCapacity))
        {
            return WriteOutcome.Ok;
        }

        if (Len > 0 && TryClearTail(ref memory, sharedState, variant) && memory.HasCapacityUntilOffset(requested, ByteCapacity))
        {
            return WriteOutcome.Ok;
        }

        return WriteOutcome.ToBack;
    }
}
