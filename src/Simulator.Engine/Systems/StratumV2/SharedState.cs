namespace BufferLab.Simulator.Engine.Systems.StratumV2;

// Mirrors `SharedState` (an Arc<AtomicU8>) in sv2/buffer-sv2/src/slice.rs.
/// <summary>
/// The one byte shared between a pool and its slices: slice index i (1..8) owns bit 0x80 >> (i-1).
/// Toggles are XORs, so a second toggle of the same index sets the bit again (bugs B3, B7).
/// </summary>
public sealed class SharedState
{
    private int _bits;

    public byte Load() => (byte)Volatile.Read(ref _bits);

    /// <summary>XOR the bit of <paramref name="index"/>; 59 is a no-op, any other index outside 1..8 panics.</summary>
    public void Toggle(byte index)
    {
        if (index == BufferPoolLimits.IgnoreIndex)
        {
            return;
        }

        if (index is < 1 or > BufferPoolLimits.PoolCapacity)
        {
            // Upstream: `_ => panic!("{}", position)`.
            throw new Sv2PanicException(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // fetch_update with XOR, as upstream does.
        int mask = 0x80 >> (index - 1);
        int seen;
        do
        {
            seen = Volatile.Read(ref _bits);
        }
        while (Interlocked.CompareExchange(ref _bits, seen ^ mask, seen) != seen);
    }

    /// <summary>The bit mask of a slot index 1..8.</summary>
    public static byte MaskOf(int index) => (byte)(0x80 >> (index - 1));
}
