using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Tests.Fuse;

/// <summary>The real descriptor pair: one message per read, readv scattering into blocks, writev gathering a reply.</summary>
public class FuseChannelTests
{
    [Fact]
    public void EachReadReturnsExactlyOneMessage()
    {
        using var channel = new FuseChannel(FuseWire.MiB + 4096);
        byte[] first = FuseMessages.Read(1, 0, 4096), second = FuseMessages.Write(2, 0, FuseMessages.Payload(1000));
        channel.KernelSend(first);
        channel.KernelSend(second);
        var message = new InMessage(new FuseMountConfig().InMessageSize);

        message.Init(channel.DaemonRead);
        Assert.Equal((first.Length, FuseOpcode.Read, 1ul), (message.Size, message.Header.Opcode, message.Header.Unique));
        message.Init(channel.DaemonRead);
        Assert.Equal((second.Length, FuseOpcode.Write, 2ul), (message.Size, message.Header.Opcode, message.Header.Unique));
    }

    [Fact]
    public void AFourMiBWriteArrivesByReadvIntoBlocksAndTheReplyByWritev()
    {
        var config = new FuseMountConfig { Variant = FuseVariant.Pr198, MaxMessageSize = 4 << 20, EnableVectoredWrites = true };
        using var channel = new FuseChannel(config.InMessageSize);
        byte[] payload = FuseMessages.Payload(4 << 20);
        channel.KernelSend(FuseMessages.Write(5, 0, payload));
        var pools = new BlockPools(config.PageSize);
        var message = new VectoredInMessage(pools);
        message.AllocBlocks(config.InMessageSize);

        message.Init(channel.DaemonReadv);
        Assert.Equal(4 * FuseWire.MiB + 80, message.Size);
        _ = message.Consume(FuseWire.WriteInSize);
        Assert.Equal(payload, message.ConsumeVector(message.Len)!.SelectMany(b => b.ToArray()));

        var reply = new OutMessage();
        byte[] body = reply.Grow(FuseWire.WriteOutSize);
        FuseWire.Put(body, 0, (uint)payload.Length);
        reply.Header = new OutHeader((uint)reply.Len, 0, 5);
        Assert.Equal(2, channel.DaemonWritev(reply.Sglist!));
        byte[] received = new byte[64];
        Assert.Equal(24, channel.KernelReceive(received));
        Assert.Equal(new OutHeader(24, 0, 5), OutHeader.Read(received));
        Assert.Equal((uint)payload.Length, FuseWire.U32(received, 16));
    }
}
