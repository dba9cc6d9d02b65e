using BufferLab.Simulator.Engine.Simulation.Checkpoints;

namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// A block's bytes as a volume or the disk cache holds them: never changed once stored (a block is
/// named by its hash), so checkpoints share one instead of copying megabytes of it.
/// </summary>
[CheckpointShared]
public sealed class StoredBlock(byte[] bytes) : ISharedBytes
{
    private readonly byte[] _bytes = bytes;

    public int Length => _bytes.Length;

    public ReadOnlyMemory<byte> Bytes => _bytes;

    public ReadOnlySpan<byte> AsSpan(int start, int length) => _bytes.AsSpan(start, length);

    /// <summary>A copy with the first byte flipped: what a read of a corrupt block returns.</summary>
    public StoredBlock Corrupted()
    {
        byte[] corrupt = (byte[])_bytes.Clone();
        corrupt[0] ^= 0xFF;
        return new StoredBlock(corrupt);
    }
}
