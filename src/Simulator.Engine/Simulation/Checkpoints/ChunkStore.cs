using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>
/// Keeps the large byte arrays of a run's checkpoints (files, pool buffers, message storage) in
/// fixed chunks, each distinct chunk once: a chunk equal to one already kept (unchanged since the
/// last checkpoint, the same block read into forty buffers, zeros) or to a chunk of bytes the run
/// shares and never changes (<see cref="ISharedBytes"/>: the stored block it was read from) is
/// referred to, not copied. Chunks are found by their XxHash128 and compared byte for byte first.
/// </summary>
internal sealed class ChunkStore
{
    /// <summary>Arrays this large or larger are kept in chunks; smaller ones are copied whole.</summary>
    public const int MinArrayBytes = 2 * ChunkBytes;

    private const int ChunkBytes = 64 << 10;

    // Every chunk kept or seen in shared bytes, by hash; seen ones cost nothing and stay while the store does.
    private readonly Dictionary<UInt128, (ReadOnlyMemory<byte> Chunk, int References, bool Seen)> _chunks = [];

    // A live array and the checkpoint copy it was last frozen to or thawed from: its chunks are compared first, without hashing.
    private readonly ConditionalWeakTable<byte[], FrozenBytes> _lastFrozen = [];

    // Arrays a thaw made: only a restored state holds them (a run's first state may share its arrays
    // with its scenario or the caller), so they alone may be written over once the run leaves that state.
    private readonly ConditionalWeakTable<byte[], object> _thawed = [];
    private readonly ConditionalWeakTable<ISharedBytes, object> _seen = [];

    // Arrays of the state a restore leaves, by length: the restored state's arrays are written into
    // them instead of fresh ones (no large allocations, no page faults, no collections they would cause).
    private readonly Dictionary<int, Stack<byte[]>> _spare = [];

    /// <summary>Bytes of the distinct chunks kept (chunks of shared bytes are not counted: the run holds them anyway).</summary>
    public long Bytes { get; private set; }

    public FrozenBytes Freeze(byte[] live)
    {
        _lastFrozen.TryGetValue(live, out FrozenBytes? previous);
        bool comparable = previous is not null && previous.Length == live.Length;
        var chunks = new FrozenChunk[(live.Length + ChunkBytes - 1) / ChunkBytes];
        for (int i = 0; i < chunks.Length; i++)
        {
            ReadOnlySpan<byte> span = live.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, live.Length - (i * ChunkBytes)));
            chunks[i] = comparable && Unchanged(span, previous!.Chunks[i]) ? previous.Chunks[i] : Keep(span);
            Hold(chunks[i].Hash);
        }

        var frozen = new FrozenBytes(live.Length, chunks);
        _lastFrozen.AddOrUpdate(live, frozen);
        return frozen;
    }

    public byte[] Thaw(FrozenBytes frozen)
    {
        byte[] live = _spare.TryGetValue(frozen.Length, out var spare) && spare.TryPop(out byte[]? reused) ? reused : GC.AllocateUninitializedArray<byte>(frozen.Length);
        for (int i = 0; i < frozen.Chunks.Length; i++)
        {
            frozen.Chunks[i].Bytes.Span.CopyTo(live.AsSpan(i * ChunkBytes));
        }

        _lastFrozen.AddOrUpdate(live, frozen);
        _thawed.AddOrUpdate(live, live);
        return live;
    }

    /// <summary>
    /// The run leaves its state for a checkpoint's: every array this store thawed belongs to that
    /// state or to one left before (only the run's state holds them: snapshots and events copy
    /// values), so the thaws that follow may write over them.
    /// </summary>
    public void Recycle()
    {
        foreach ((byte[] array, _) in _thawed)
        {
            if (!_spare.TryGetValue(array.Length, out var spare))
            {
                _spare[array.Length] = spare = new Stack<byte[]>();
            }

            spare.Push(array);
        }

        _thawed.Clear();
    }

    /// <summary>The restore is done: spare arrays it did not use are let go.</summary>
    public void EndRecycling() => _spare.Clear();

    /// <summary>Learns the chunks of bytes the run shares and never changes, once per object.</summary>
    public void See(ISharedBytes shared)
    {
        if (_seen.TryGetValue(shared, out _))
        {
            return;
        }

        _seen.Add(shared, shared);
        ReadOnlyMemory<byte> bytes = shared.Bytes;
        for (int offset = 0; offset < bytes.Length; offset += ChunkBytes)
        {
            ReadOnlyMemory<byte> chunk = bytes.Slice(offset, Math.Min(ChunkBytes, bytes.Length - offset));
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_chunks, XxHash128.HashToUInt128(chunk.Span), out bool exists);
            if (!exists)
            {
                entry = (chunk, 0, true);
            }
        }
    }

    /// <summary>A checkpoint holding <paramref name="frozen"/> was dropped: chunks no other one holds are freed.</summary>
    public void Release(FrozenBytes frozen)
    {
        foreach (FrozenChunk chunk in frozen.Chunks)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_chunks, chunk.Hash);
            if (--entry.References == 0 && !entry.Seen)
            {
                Bytes -= entry.Chunk.Length;
                _chunks.Remove(chunk.Hash);
            }
        }
    }

    public void Clear()
    {
        _chunks.Clear();
        _lastFrozen.Clear();
        _seen.Clear();
        _thawed.Clear();
        _spare.Clear();
        Bytes = 0;
    }

    /// <summary>Whether <paramref name="span"/> is still <paramref name="chunk"/>, and that chunk is still kept (its checkpoint may have been dropped).</summary>
    private bool Unchanged(ReadOnlySpan<byte> span, FrozenChunk chunk) =>
        _chunks.TryGetValue(chunk.Hash, out var kept) && kept.Chunk.Equals(chunk.Bytes) && span.SequenceEqual(chunk.Bytes.Span);

    /// <summary>The chunk equal to <paramref name="span"/>, kept now if there is none (a hash collision keeps the chunk under the next free hash).</summary>
    private FrozenChunk Keep(ReadOnlySpan<byte> span)
    {
        UInt128 hash = XxHash128.HashToUInt128(span);
        while (_chunks.TryGetValue(hash, out var kept))
        {
            if (span.SequenceEqual(kept.Chunk.Span))
            {
                return new FrozenChunk(hash, kept.Chunk);
            }

            hash++;
        }

        byte[] chunk = span.ToArray();
        _chunks[hash] = (chunk, 0, false);
        Bytes += chunk.Length;
        return new FrozenChunk(hash, chunk);
    }

    private void Hold(UInt128 hash) => CollectionsMarshal.GetValueRefOrNullRef(_chunks, hash).References++;
}
