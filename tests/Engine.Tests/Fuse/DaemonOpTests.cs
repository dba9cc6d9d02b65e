using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Tests.Fuse;

/// <summary>ReadOp and Serve for what is not READ or WRITE: unknownOp, memfs's inode ops, and which messages go back to the freelist (connection.go, conversions.go, samples/memfs).</summary>
public sealed class DaemonOpTests
{
    private static readonly FuseMountConfig[] Variants = [new(), new() { Variant = FuseVariant.Pr198 }];

    public static TheoryData<int> Both => [0, 1];

    [Theory]
    [MemberData(nameof(Both))]
    public void AnUnknownOpcodeIsAnsweredEnosys(int variant)
    {
        // conversions.go's default case makes an unknownOp; fuseutil answers it ENOSYS.
        using var channel = new FuseChannel(2 << 20);
        FuseDaemon daemon = Initialized(channel, Variants[variant]);
        channel.KernelSend(FuseMessages.Op((FuseOpcode)4242, 7, 2, new byte[8]));

        FuseOp op = daemon.ReadOp()!;
        daemon.Serve(op);

        Assert.Equal(new OutHeader(16, -38, 7), Reply(channel).Header);
        Assert.Equal(0, daemon.InFlight);
    }

    [Fact]
    public void LookUpFindsTheFileAndNothingElse()
    {
        // memfs LookUpInode: the child's inode and attributes, valid for 365 days; ENOENT for a name it lacks.
        using var channel = new FuseChannel(2 << 20);
        FuseDaemon daemon = Initialized(channel, new FuseMountConfig());
        channel.KernelSend(FuseMessages.Op(FuseOpcode.Lookup, 8, MemFsInodes.RootInode, "file\0"u8.ToArray()));
        daemon.Serve(daemon.ReadOp()!);
        (OutHeader header, byte[] body) = Reply(channel);

        Assert.Equal(new OutHeader(16 + 128, 0, 8), header);
        Assert.Equal(MemFsInodes.FileInode, FuseWire.U64(body, 0));
        Assert.Equal(365UL * 24 * 3600, FuseWire.U64(body, 16));
        Assert.Equal(4096UL, FuseWire.U64(body, 40 + 8)); // attr.size
        Assert.Equal(0x81A4u, FuseWire.U32(body, 40 + 60)); // S_IFREG | 0644

        channel.KernelSend(FuseMessages.Op(FuseOpcode.Lookup, 9, MemFsInodes.RootInode, "other\0"u8.ToArray()));
        daemon.Serve(daemon.ReadOp()!);
        Assert.Equal(new OutHeader(16, -2, 9), Reply(channel).Header);
    }

    [Fact]
    public void SetAttrWithASizeTruncatesTheFile()
    {
        using var channel = new FuseChannel(2 << 20);
        FuseDaemon daemon = Initialized(channel, new FuseMountConfig());
        byte[] setattr = new byte[88];
        FuseWire.Put(setattr, 0, 1u << 3); // FATTR_SIZE
        FuseWire.Put(setattr, 16, 100UL);
        channel.KernelSend(FuseMessages.Op(FuseOpcode.SetAttr, 10, MemFsInodes.FileInode, setattr));
        daemon.Serve(daemon.ReadOp()!);
        (OutHeader header, byte[] body) = Reply(channel);

        Assert.Equal(0, header.Error);
        Assert.Equal(100UL, FuseWire.U64(body, 16 + 8));
        Assert.Equal(100, daemon.FileSystem.Length);
    }

    [Fact]
    public void AFailedConversionDropsItsMessageAndAFailedReadGivesItBack()
    {
        // connection.go ReadOp: readMessage puts the message back when the read fails; a convertInMessage error returns without putInMessage.
        using var channel = new FuseChannel(2 << 20);
        FuseDaemon daemon = Initialized(channel, new FuseMountConfig());
        Assert.Equal(1, daemon.FreeInMessages);

        channel.KernelSend(new byte[12]);
        Assert.Throws<FuseProtocolException>(() => daemon.ReadOp());
        Assert.Equal(1, daemon.FreeInMessages);

        byte[] write = FuseMessages.Write(11, 0, new byte[100]);
        FuseWire.Put(write, FuseWire.InHeaderSize + 16, 200u); // write_in says 200 bytes; 100 follow
        channel.KernelSend(write);
        Assert.Equal("convertInMessage: Corrupt OpWrite", Assert.Throws<FuseProtocolException>(() => daemon.ReadOp()).Message);
        Assert.Equal((0, 1, 1), (daemon.FreeInMessages, daemon.MessagesDropped, daemon.InMessagesAllocated));
        Assert.Equal(0, daemon.PinnedBytes);
    }

    [Fact]
    public void AnInterruptsMessageIsDroppedNotPinned()
    {
        // ReadOp handles an interruptOp inline and continues: its message never goes back, and the garbage collector takes it.
        using var channel = new FuseChannel(2 << 20);
        FuseDaemon daemon = Initialized(channel, new FuseMountConfig());
        byte[] interrupt = new byte[8];
        FuseWire.Put(interrupt, 0, 99UL);
        channel.KernelSend(FuseMessages.Op(FuseOpcode.Interrupt, 12, 0, interrupt));

        Assert.Null(daemon.ReadOp());
        Assert.Equal((1, 1, 0L), (daemon.InMessagesAllocated, daemon.MessagesDropped, daemon.PinnedBytes));
    }

    private static FuseDaemon Initialized(FuseChannel channel, FuseMountConfig config)
    {
        var daemon = new FuseDaemon(config, channel, new MemFs(new byte[4096]));
        channel.KernelSend(FuseMessages.Init(1));
        Assert.Null(daemon.ReadOp());
        Assert.Equal(0, Reply(channel).Header.Error);
        Assert.Equal(((new InitIn(7, 45, 128 << 10, 0x73fffffb)), 64), daemon.KernelInit);
        return daemon;
    }

    private static (OutHeader Header, byte[] Body) Reply(FuseChannel channel)
    {
        byte[] buffer = new byte[1 << 16];
        int n = channel.KernelReceive(buffer);
        return (OutHeader.Read(buffer), buffer[FuseWire.OutHeaderSize..n]);
    }
}
