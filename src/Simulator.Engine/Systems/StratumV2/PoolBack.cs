using System.Numerics;

namespace BufferLab.Simulator.Engine.Systems.StratumV2;

// Mirrors `PoolBack` in sv2/buffer-sv2/src/buffer_pool/pool_back.rs (crate 3.0.1).
/// <summary>The back region: slots BackStart .. BackStart + Len, written left to right. Held inline in BufferPool, as in Rust.</summary>
public struct PoolBack
{
    private const int Slots = BufferPoolLimits.PoolCapacity;
    private readonly Sv2Variant _variant;

    internal PoolBack(Sv2Variant variant) => _variant = variant;

    /// <summary>First slot of the back region (the number of front slots).</summary>
    public int BackStart { get; private set; }

    /// <summary>Slots counted as used in the back region.</summary>
    public int Len { get; private set; }

    /// <summary>
    /// Fixed variant only: the byte where the back region starts (the front's byte capacity), so an
    /// emptied back restarts there instead of after a stale front record (bug B4).
    /// </summary>
    internal int BackByteStart { get; private set; }

    internal void SetLenFromInnerMemory(int innerLen) => Len = innerLen - BackStart;

    internal void Reset()
    {
        BackStart = 0;
        Len = 0;
        BackByteStart = 0;
    }

    /// <summary>`tail_is_clearable`: in practice, "the back region has used up all slots".</summary>
    internal readonly bool TailIsClearable(byte sharedState)
    {
        int elementsInBack = Slots - BackStart;
        int elementsToDrop = Math.Min(elementsInBack, TrailingZeros(sharedState));
        return elementsToDrop <= Len && BackStart + Len >= Slots;
    }

    /// <summary>`try_clear_tail_unchecked`: reclaim the freed suffix of slots, only while slot 1 is in use.</summary>
    internal bool TryClearTailUnchecked(ref InnerMemory memory, byte sharedState, int requested)
    {
        int leading = LeadingZeros(sharedState);
        int trailing = TrailingZeros(sharedState);
        int elementsInBack = Slots - BackStart;
        int elementsToDrop = Math.Min(elementsInBack, trailing);
        int alreadyDropped = Slots - (BackStart + Len);

        if (leading == 0 && trailing == 0)
        {
            return false;
        }

        if (leading == 0 && elementsInBack == 0)
        {
            return false;
        }

        if (elementsToDrop < alreadyDropped)
        {
            return false;
        }

        if (leading != 0)
        {
            return false; // slot 1 is free: prefer clearing the head
        }

        Len -= elementsToDrop - alreadyDropped;
        int slotCount = Len + BackStart;
        if (_variant == Sv2Variant.Fixed && Len == 0)
        {
            // B4 fix: an emptied back restarts where the back region starts, not after slots[BackStart - 1],
            // which is the last front record and may be stale.
            return memory.TryChangeLenAt(slotCount, BackByteStart, requested);
        }

        return memory.TryChangeLen(slotCount, requested);
    }

    /// <summary>`try_clear_head`: move to Front over the freed prefix of slots, or give up to Alloc.</summary>
    internal WriteOutcome TryClearHead(byte sharedState, ref InnerMemory memory, out PoolFront front)
    {
        int newBackStart = LeadingZeros(sharedState);
        front = default;
        if (_variant == Sv2Variant.Faithful)
        {
            BackStart = newBackStart; // B1: assigned before deciding, and kept on the Alloc path
        }

        if (newBackStart >= 1 && memory.RawLength < memory.Slot(newBackStart).Offset)
        {
            int byteCapacity = memory.Slot(newBackStart).Offset;
            if (_variant == Sv2Variant.Faithful)
            {
                // B2: right only when the old back_start was 0.
                Len = newBackStart >= Len ? 0 : Len - newBackStart;
            }
            else
            {
                Len = Math.Max(0, BackStart + Len - newBackStart);
                BackStart = newBackStart;
                BackByteStart = byteCapacity;
            }

            front = new PoolFront(newBackStart, byteCapacity);
            return WriteOutcome.ToFront;
        }

        return WriteOutcome.ToAlloc;
    }

    /// <summary>`clear_unchecked`: the tail if it can be reclaimed, else the head.</summary>
    internal WriteOutcome ClearUnchecked(ref InnerMemory memory, byte sharedState, int requested, out PoolFront front)
    {
        if (TryClearTailUnchecked(ref memory, sharedState, requested))
        {
            front = default;
            return WriteOutcome.Ok;
        }

        return TryClearHead(sharedState, ref memory, out front);
    }

    /// <summary>`get_writable` in Back mode.</summary>
    internal WriteOutcome GetWritable(int requested, ref InnerMemory memory, byte sharedState, out PoolFront front)
    {
        front = default;
        if (memory.HasTailCapacity(requested) && Len + BackStart < Slots)
        {
            return WriteOutcome.Ok;
        }

        if (!TailIsClearable(sharedState))
        {
            return WriteOutcome.ToAlloc;
        }

        WriteOutcome cleared = ClearUnchecked(ref memory, sharedState, requested, out front);
        if (cleared != WriteOutcome.Ok)
        {
            return cleared;
        }

        // Upstream checks `len < 8` here, without adding back_start.
        return memory.HasTailCapacity(requested) && Len < Slots ? WriteOutcome.Ok : WriteOutcome.ToAlloc;
    }

    internal static int LeadingZeros(byte value) => BitOperations.LeadingZeroCount((uint)value) - 24;

    internal static int TrailingZeros(byte value) => value == 0 ? 8 : BitOperations.TrailingZeroCount(value);
}
