namespace BufferLab.Simulator.Engine.Systems.StratumV2;

// Mirrors the constants of sv2/buffer-sv2/src/buffer_pool/mod.rs (POOL_CAPACITY) and slice.rs (INGORE_INDEX).
public static class BufferPoolLimits
{
    /// <summary>Number of slots, one bit each in the shared AtomicU8.</summary>
    public const int PoolCapacity = 8;

    /// <summary>Index of slices that hold no slot (upstream spells it INGORE_INDEX).</summary>
    public const byte IgnoreIndex = 59;
}
