using BufferLab.Simulator.Engine.Simulation.Checkpoints;

namespace BufferLab.Simulator.Engine.Tests.Checkpoints;

/// <summary>Large arrays are kept in chunks, each distinct chunk once, and come back byte for byte.</summary>
public sealed class ChunkStoreTests
{
    private const int Size = 1 << 20;

    [Fact]
    public void AnArrayComesBackByteForByte()
    {
        var store = new ChunkStore();
        byte[] live = Random(1);

        byte[] back = store.Thaw(store.Freeze(live));

        Assert.NotSame(live, back);
        Assert.Equal(live, back);
    }

    [Fact]
    public void EqualArraysAndEqualChunksAreKeptOnce()
    {
        var store = new ChunkStore();
        byte[] first = Random(1);
        byte[] second = (byte[])first.Clone();
        second[^1] ^= 1; // one chunk differs

        store.Freeze(first);
        store.Freeze(second);
        store.Freeze(new byte[Size]); // zeros: sixteen equal chunks

        Assert.Equal(Size + (64 << 10) + (64 << 10), store.Bytes);
    }

    [Fact]
    public void ADroppedCheckpointFreesChunksNoOtherHolds()
    {
        var store = new ChunkStore();
        FrozenBytes first = store.Freeze(Random(1));
        FrozenBytes second = store.Freeze(Random(2));

        store.Release(first);

        Assert.Equal(Size, store.Bytes);
        store.Release(second);
        Assert.Equal(0, store.Bytes);
    }

    [Fact]
    public void ChunksOfSharedBytesCostNothing()
    {
        var store = new ChunkStore();
        byte[] block = Random(3);
        store.See(new Block(block));

        store.Freeze((byte[])block.Clone()); // a buffer the block was read into

        Assert.Equal(0, store.Bytes);
    }

    private static byte[] Random(ulong seed)
    {
        byte[] bytes = new byte[Size];
        new BufferLab.Simulator.Engine.Simulation.SeededRandom(seed).NextBytes(bytes);
        return bytes;
    }

    private sealed class Block(byte[] bytes) : ISharedBytes
    {
        public ReadOnlyMemory<byte> Bytes => bytes;
    }
}
