namespace BufferLab.Simulator.Engine.Systems.StratumV2;

// Mirrors `Slice` in sv2/buffer-sv2/src/slice.rs.
/// <summary>
/// A message handed out by a buffer: a view into the pool's one byte array (index 1..8, or 59 when
/// empty), or a heap array it owns (index 59). A value type like the Rust struct, so handing one
/// out allocates nothing. Rust moves a Slice and drops it once; here the holder calls
/// <see cref="Drop"/> once, and <see cref="Clone"/> is the explicit B7 hazard.
/// </summary>
public readonly struct Slice
{
    private readonly byte[] _memory;
    private readonly SharedState? _sharedState;

    internal Slice(byte[] memory, int offset, int length, byte index, SharedState? sharedState, bool owned)
    {
        _memory = memory;
        Offset = offset;
        Length = length;
        Index = index;
        _sharedState = sharedState;
        IsOwned = owned;
    }

    /// <summary>Byte offset in the pool (0 for an owned heap slice).</summary>
    public int Offset { get; }

    /// <summary>The real number of bytes (upstream keeps it in the private `len` field).</summary>
    public int Length { get; }

    /// <summary>Slot index 1..8, or 59 for slices that hold no slot.</summary>
    public byte Index { get; }

    /// <summary>True for a heap slice from Alloc mode (upstream's `owned: Some(vec)`).</summary>
    public bool IsOwned { get; }

    /// <summary>What upstream's public `Slice::len()` returns: the owned length, and 0 for every pool slice (a quirk).</summary>
    public int UpstreamLen => IsOwned ? Length : 0;

    /// <summary>True when this slice's bytes live in the pool's array <paramref name="memory"/>.</summary>
    public bool LivesIn(byte[] memory) => !IsOwned && ReferenceEquals(_memory, memory);

    public ReadOnlySpan<byte> AsSpan() => _memory is null ? default : _memory.AsSpan(Offset, Length);

    /// <summary>Upstream `impl Drop for Slice`: toggles the slice's bit (a no-op for index 59).</summary>
    public void Drop() => _sharedState?.Toggle(Index);

    /// <summary>
    /// Upstream `#[derive(Clone)]` (bug B7): the copy aliases the same bytes and carries the same
    /// index, so dropping both toggles the bit twice.
    /// </summary>
    public Slice Clone() => this;
}
