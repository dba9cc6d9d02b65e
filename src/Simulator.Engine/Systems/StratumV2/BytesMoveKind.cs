namespace BufferLab.Simulator.Engine.Systems.StratumV2;

/// <summary>Which upstream routine copied in-progress bytes.</summary>
public enum BytesMoveKind
{
    /// <summary>`move_raw_at_front` / `move_raw_at_offset_unchecked` (copy_within in the pool).</summary>
    WithinPool,

    /// <summary>`copy_into_buffer`: carried to the heap on a switch to Alloc.</summary>
    PoolToHeap,

    /// <summary>`prepend_raw_data`: carried back from the heap on a reset.</summary>
    HeapToPool,
}
