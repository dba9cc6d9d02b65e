using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BufferLab.Simulator.Engine.Systems.StratumV2;

// Mirrors `InnerMemory` in sv2/buffer-sv2/src/buffer_pool/mod.rs (crate 3.0.1).
/// <summary>
/// The one preallocated byte array, the message being written, and the 8 slot records. A struct
/// held inline in <see cref="BufferPool"/>, as the Rust struct is, so the hot path chases no pointer.
/// </summary>
public struct InnerMemory
{
    private readonly SlotRecord[] _slots;

    internal InnerMemory(int capacity)
    {
        Pool = new byte[capacity];
        _slots = new SlotRecord[BufferPoolLimits.PoolCapacity];
    }

    internal IBufferPoolObserver? Observer { get; init; }

    /// <summary>The preallocated memory every pool slice points into.</summary>
    public readonly byte[] Pool { get; }

    /// <summary>Start of the message being written.</summary>
    public int RawOffset { get; internal set; }

    /// <summary>Bytes of the message written so far.</summary>
    public int RawLength { get; internal set; }

    /// <summary>The "slot pointer": the next slice takes slots[Len] and index Len + 1.</summary>
    public int Len { get; internal set; }

    /// <summary>The slot records, stale entries included.</summary>
    public readonly ReadOnlySpan<SlotRecord> Slots => _slots;

    internal readonly int Capacity => Pool.Length;

    internal readonly SlotRecord Slot(int index)
    {
        if ((uint)index >= BufferPoolLimits.PoolCapacity)
        {
            throw Sv2PanicException.IndexOutOfBounds(index, BufferPoolLimits.PoolCapacity);
        }

        return _slots[index];
    }

    /// <summary>`reset`: clears the raw region and zeroes every slot record (Len is left as is).</summary>
    internal void Reset()
    {
        ResetRaw();
        Array.Clear(_slots);
    }

    internal void ResetRaw()
    {
        RawLength = 0;
        RawOffset = 0;
    }

    /// <summary>`raw_offset()`: the end of slot Len - 1, computed from the (possibly stale) record.</summary>
    internal readonly int ComputeRawOffset() => RawOffsetFromLen(Len);

    internal readonly int RawOffsetFromLen(int slotCount) => slotCount == 0 ? 0 : Slot(slotCount - 1).End;

    internal void MoveRawAtFront() => MoveRawAtOffsetUnchecked(0);

    internal void MoveRawAtOffsetUnchecked(int offset)
    {
        if (RawLength > 0)
        {
            // Span.CopyTo handles overlap like copy_within / ptr::copy.
            Pool.AsSpan(RawOffset, RawLength).CopyTo(Pool.AsSpan(offset, RawLength));
            if (offset != RawOffset)
            {
                Observer?.BytesMoved(RawLength, BytesMoveKind.WithinPool, RawOffset, offset);
            }
        }

        RawOffset = offset;
    }

    /// <summary>`try_change_len`: take <paramref name="slotCount"/> slots if the raw bytes plus n fit after them.</summary>
    internal bool TryChangeLen(int slotCount, int requested) =>
        TryChangeLenAt(slotCount, RawOffsetFromLen(slotCount), requested);

    internal bool TryChangeLenAt(int slotCount, int offset, int requested)
    {
        if (offset + RawLength + requested > Capacity)
        {
            return false;
        }

        Len = slotCount;
        MoveRawAtOffsetUnchecked(offset);
        return true;
    }

    internal void PrependRawData(ReadOnlySpan<byte> bytes)
    {
        RawOffset = 0;
        RawLength = bytes.Length;
        bytes.CopyTo(Pool);
        Observer?.BytesMoved(bytes.Length, BytesMoveKind.HeapToPool, 0, 0);
    }

    internal readonly void CopyIntoBuffer(BufferFromSystemMemory buffer)
    {
        int length = RawLength;
        Pool.AsSpan(RawOffset, length).CopyTo(buffer.GetWritable(length));
        if (length > 0)
        {
            Observer?.BytesMoved(length, BytesMoveKind.PoolToHeap, RawOffset, 0);
        }
    }

    internal readonly bool HasTailCapacity(int requested) => RawOffset + RawLength + requested <= Capacity;

    internal readonly bool HasCapacityUntilOffset(int requested, int limit) => RawOffset + RawLength + requested <= limit;

    /// <summary>`has_tail_capacity` then `get_writable_raw_unchecked`, fused for the hot path: one bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryGetWritableAtTail(int requested, out Span<byte> writable)
    {
        int start = RawOffset + RawLength;
        byte[] pool = Pool;
        if ((uint)(start + requested) > (uint)pool.Length)
        {
            writable = default;
            return false;
        }

        RawLength += requested;
        writable = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(pool), start), requested);
        return true;
    }

    internal Span<byte> GetWritableRawUnchecked(int requested)
    {
        int start = RawOffset + RawLength;
        RawLength += requested;
        return Pool.AsSpan(start, requested);
    }

    /// <summary>
    /// `get_data_owned`: records the raw region in slots[Len] and toggles index Len + 1; an empty
    /// message takes index 59 and no slot. slots[8] panics (bug B5).
    /// </summary>
    internal Slice GetDataOwned(SharedState sharedState)
    {
        int offset = RawOffset;
        int length = RawLength;
        byte index = BufferPoolLimits.IgnoreIndex;
        if (length > 0)
        {
            if (Len >= BufferPoolLimits.PoolCapacity)
            {
                throw Sv2PanicException.IndexOutOfBounds(Len, BufferPoolLimits.PoolCapacity);
            }

            _slots[Len] = new SlotRecord(offset, length);
            Len++;
            index = (byte)Len;
            sharedState.Toggle(index);
        }

        RawOffset += length;
        RawLength = 0;
        return new Slice(Pool, offset, length, index, sharedState, owned: false);
    }
}
