using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Tests.Fuse;

/// <summary>P1-P15: PR #198's block pools and InMessage (spec §2.11).</summary>
public class VectoredMessageTests
{
    private const int Page = 4096;
    private const int Block0 = FuseWire.MiB + Page; // 1,052,672

    private static (BlockPools Pools, VectoredInMessage Message) New() { var pools = new BlockPools(Page); return (pools, new VectoredInMessage(pools)); }

    [Fact]
    public void P1_WithoutMaxMessageSizeOneBlockHoldsAMessage()
    {
        var config = new FuseMountConfig { Variant = FuseVariant.Pr198 };
        var (_, message) = New();
        message.AllocBlocks(config.InMessageSize);

        Assert.Equal(1_052_672, config.InMessageSize);
        Assert.Single(message.Blocks);
    }

    [Fact]
    public void P2_FourMiBMessages()
    {
        var config = new FuseMountConfig { Variant = FuseVariant.Pr198, MaxMessageSize = 4 << 20 };
        var (_, message) = New();
        message.AllocBlocks(config.InMessageSize);
        InitOut reply = InitNegotiation.Reply(new InitIn(7, 31, 0, 0), config);

        Assert.Equal(4_198_400, config.InMessageSize);
        Assert.Equal([Block0, FuseWire.MiB, FuseWire.MiB, FuseWire.MiB], message.Blocks.Select(b => b.Length));
        Assert.Equal(4_194_304u, reply.MaxWrite);
        Assert.Equal(1024, reply.MaxPages);
        Assert.Equal(256, InitNegotiation.Apply(reply, Page, 256).MaxPages); // the kernel still caps it
    }

    [Fact]
    public void P3_SeventeenMiBIsSeventeenBlocksAndShrinksToOne()
    {
        var (_, message) = New();
        message.AllocBlocks(17 << 20);
        Assert.Equal(17, message.Blocks.Count);

        message.ShrinkToFit(100);
        Assert.Single(message.Blocks);
    }

    [Fact]
    public void P4_ShrinkToFitKeepsTheBlocksTheBytesNeed()
    {
        var (_, message) = New();
        message.AllocBlocks(3 << 20);
        Assert.Equal(3, message.Blocks.Count);

        message.ShrinkToFit(1_500_000);
        Assert.Equal(2, message.Blocks.Count);
    }

    [Fact]
    public void P5_ASmallMessageReturnsTheOtherBlocksToThePool()
    {
        var (pools, message) = New();
        message.AllocBlocks(Block0 + 3 * FuseWire.MiB);
        byte[] wire = new byte[100];
        new InHeader(100, FuseOpcode.Forget, 1, 1, 0, 0, 0).Write(wire);
        message.Init(FuseMessages.Scatter(wire));

        Assert.Single(message.Blocks);
        Assert.Equal(3, pools.OneMiB.Count);
        Assert.Equal(60, message.Len);
    }

    [Fact]
    public void P6_AVectoredThreeMiBWriteIsViewsIntoThreeBlocks()
    {
        var config = new FuseMountConfig { Variant = FuseVariant.Pr198, MaxMessageSize = 4 << 20, EnableVectoredWrites = true };
        var (_, message) = New();
        message.AllocBlocks(config.InMessageSize);
        byte[] payload = FuseMessages.Payload(3 << 20);
        message.Init(FuseMessages.Scatter(FuseMessages.Write(1, 0, payload)));

        Assert.Equal(3_145_808, message.Size);
        Assert.Equal(3, message.Blocks.Count);
        _ = message.Consume(FuseWire.WriteInSize);
        Assert.Equal(3_145_728, message.Len);
        Assert.True(message.Len > Block0);
        IReadOnlyList<Memory<byte>> blocks = message.ConsumeVector(message.Len)!;
        Assert.Equal([1_052_592, 1_048_576, 1_044_560], blocks.Select(b => b.Length));
        Assert.Equal(0, message.HeapBytes);
        Assert.Equal(payload, blocks.SelectMany(b => b.ToArray()));
    }

    [Fact]
    public void P7_WithoutVectoredWritesTheSameWriteIsOneHeapCopy()
    {
        var (_, message) = New();
        message.AllocBlocks(4_198_400);
        byte[] payload = FuseMessages.Payload(3 << 20);
        message.Init(FuseMessages.Scatter(FuseMessages.Write(1, 0, payload)));
        _ = message.Consume(FuseWire.WriteInSize);
        Memory<byte> data = message.ConsumeBytes(message.Len)!.Value;

        Assert.Equal(3_145_728, message.HeapBytes);
        Assert.Equal(3_145_728, message.BytesCopied);
        Assert.True(data.Span.SequenceEqual(payload));
    }

    [Fact]
    public void P8_AFourMiBReadBorrowsFourBlocksOrAllocatesOnTheHeap()
    {
        var (pools, message) = New();
        message.AllocBlocks(Block0);
        message.Init(FuseMessages.Scatter(FuseMessages.Read(1, 0, 4 << 20)));

        IReadOnlyList<Memory<byte>> dstBufs = message.GetFreeVector(4 << 20)!;
        Assert.Equal(4, dstBufs.Count);
        Assert.All(dstBufs, b => Assert.Equal(FuseWire.MiB, b.Length));
        Assert.Equal(4, message.BorrowedBlocks.Count);
        Assert.Equal(4, pools.OneMiB.FreshAllocations);
        Assert.Equal(4 << 20, message.GetFree(4 << 20)!.Value.Length);
        Assert.Equal(4 << 20, message.HeapBytes);
    }

    [Fact]
    public void P9_AOneMiBReadFitsBlockZerosTail()
    {
        var (_, message) = New();
        message.AllocBlocks(Block0);
        message.Init(FuseMessages.Scatter(FuseMessages.Read(1, 0, FuseWire.MiB)));

        IReadOnlyList<Memory<byte>> dst = message.GetFreeVector(FuseWire.MiB)!;
        Assert.Single(dst);
        Assert.Empty(message.BorrowedBlocks);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(dst[0], out var segment) && segment.Array == message.Blocks[0] && segment.Offset == 80);
    }

    [Fact]
    public void P10_AReadJustOverTheTailTakesTheHeapPathEvenWithVectoredReads()
    {
        const int size = 1_052_600;
        var (_, message) = New();
        message.AllocBlocks(Block0);
        message.Init(FuseMessages.Scatter(FuseMessages.Read(1, 0, size)));

        Assert.False(size > Block0); // so the conversion uses GetFree, not GetFreeVector
        Assert.Equal(size, message.GetFree(size)!.Value.Length);
        Assert.Equal(size, message.HeapBytes);
    }

    [Fact]
    public void P11_GetFreeVectorWithNoBlocks()
    {
        var (_, message) = New();

        Assert.Equal([FuseWire.MiB, FuseWire.MiB, 100], message.GetFreeVector((2 << 20) + 100)!.Select(s => s.Length));
    }

    [Fact]
    public void P12_ConsumeVectorAcrossSmallBlocks()
    {
        var (_, message) = New();
        message.UseBlocks([new byte[50], new byte[50], new byte[50]], 150);

        Assert.Null(message.ConsumeVector(151));
        Assert.Equal([30], message.ConsumeVector(30)!.Select(s => s.Length));
        Assert.Equal(30, message.Consumed);
        Assert.Equal([20, 20], message.ConsumeVector(40)!.Select(s => s.Length));
        Assert.Equal(70, message.Consumed);
        Assert.Equal([30, 20], message.ConsumeVector(50)!.Select(s => s.Length));
        Assert.Equal(120, message.Consumed);
    }

    [Fact]
    public void P13_APoolHoldsFortyEightAndOverflowsTheRestLifo()
    {
        var pool = new BlockPool("BlockPool1M", 16, 48);
        byte[][] blocks = [.. Enumerable.Range(0, 50).Select(_ => new byte[16])];
        foreach (byte[] block in blocks)
        {
            pool.Put(block);
        }

        Assert.Equal(48, pool.Count);
        Assert.Equal(2, pool.OverflowCount);
        Assert.Equal([blocks[47], blocks[46], blocks[45]], [pool.Get(), pool.Get(), pool.Get()]);
        Assert.Equal(0, pool.CollectGarbage()); // the first GC makes the two overflow blocks victims
        Assert.Equal(2, pool.CollectGarbage()); // the second drops them
    }

    [Fact]
    public void P14_ConsumeAcrossABlockBoundaryAdvancesAndReturnsNil()
    {
        var (_, message) = New();
        message.UseBlocks([new byte[50], new byte[50]], 100);
        Assert.NotNull(message.Consume(45));

        Assert.Null(message.Consume(8));
        Assert.Equal(53, message.Consumed);
    }

    [Fact]
    public void P15_GetFreeEdgeCases()
    {
        var (_, message) = New();

        Assert.Null(message.GetFree(0));
        Assert.Null(message.GetFree(-5));
        Assert.Equal(7, message.GetFree(7)!.Value.Length);
        Assert.Equal(7, message.HeapBytes);
    }
}
