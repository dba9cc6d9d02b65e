using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Tests.Fuse;

/// <summary>F1-F9: master's INIT, InMessage and OutMessage (spec §2.11, page size 4096 unless stated).</summary>
public class MasterMessageTests
{
    private static readonly InitIn Kernel731 = new(7, 31, FuseWire.MiB, 0xFFFFFFFF);

    [Fact]
    public void F1_DefaultInitReplyAndTheKernelsReadBufferRule()
    {
        var config = new FuseMountConfig();
        InitOut reply = InitNegotiation.Reply(Kernel731, config);

        Assert.Equal(new InitOut(7, 31, 1_048_576, 0x00410020, 12, 9, 1_048_576, 1, 256), reply);
        KernelLimits kernel = InitNegotiation.Apply(reply, 4096, 256);
        Assert.Equal(1_048_656, kernel.MinReadBuffer);
        Assert.True(kernel.MinReadBuffer <= config.InMessageSize);
        Assert.Equal(1_052_672, config.InMessageSize);

        byte[] wire = new byte[FuseWire.InitOutSize];
        reply.Write(wire);
        Assert.Equal(reply, InitOut.Read(wire));
    }

    [Fact]
    public void F2_SixtyFourKiBPages()
    {
        var config = new FuseMountConfig { PageSize = 65536 };

        Assert.Equal(16, InitNegotiation.Reply(Kernel731, config).MaxPages);
        Assert.Equal(1_114_112, config.InMessageSize);
    }

    [Fact]
    public void F3_AKernelSpeaking717IsTooOld()
    {
        var e = Assert.Throws<FuseProtocolException>(() => InitNegotiation.Reply(new InitIn(7, 17, 0, 0), new FuseMountConfig()));
        Assert.StartsWith("Version too old", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void F4_AReadRepliesFromTheInMessagesFreeTail()
    {
        var message = new InMessage(new FuseMountConfig().InMessageSize);
        message.Init(FuseMessages.Into(FuseMessages.Read(9, 0, 131_072)));
        ReadIn read = ReadIn.Read(message.Consume(FuseWire.ReadInSize)!.Value.Span);
        Memory<byte> dst = message.GetFree((int)read.Size)!.Value;
        Assert.True(MemoryMarshalOffset(message.Storage, dst) == 80 && dst.Length == 131_072); // storage[80 : 131,152]

        var reply = new OutMessage();
        reply.Append(dst);
        reply.ShrinkTo(16 + 100_000);
        Assert.Equal([16, 100_000], reply.Sglist!.Select(s => s.Length));
        Assert.Equal(100_016, reply.Len);
    }

    [Fact]
    public void F5_DataSlicesAreTrimmedToBytesRead()
    {
        var reply = new OutMessage();
        reply.Append(new byte[4096], new byte[8192]);
        reply.ShrinkTo(16 + 10_000);

        Assert.Equal([16, 4096, 5904], reply.Sglist!.Select(s => s.Length));
        Assert.Equal(10_016, reply.Len);
    }

    [Fact]
    public void F6_AnErrorReplyIsTheHeaderAlone()
    {
        var reply = new OutMessage();
        reply.Append(new byte[100]);
        reply.Header = new OutHeader(0, -2, 7);
        reply.ShrinkTo(16);

        Assert.Null(reply.Sglist);
        Assert.Equal(16, reply.Len);
        Assert.Equal(-2, OutHeader.Read(reply.Flatten()).Error);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(117)]
    public void F7_ShrinkToOutOfRangePanics(int n)
    {
        var reply = new OutMessage();
        reply.Append(new byte[100]);

        var e = Assert.Throws<FusePanicException>(() => reply.ShrinkTo(n));
        Assert.Equal($"ShrinkTo({n}) out of range (current Len: 116)", e.Message);
    }

    [Fact]
    public void F8_AOneMiBWriteIsAViewIntoTheInMessage()
    {
        byte[] payload = FuseMessages.Payload(FuseWire.MiB);
        byte[] wire = FuseMessages.Write(3, 0, payload);
        var message = new InMessage(new FuseMountConfig().InMessageSize);
        message.Init(FuseMessages.Into(wire));

        Assert.Equal(1_048_656, message.Size);
        _ = message.Consume(FuseWire.WriteInSize);
        Memory<byte> data = message.ConsumeBytes(message.Len)!.Value;
        Assert.Equal(80, MemoryMarshalOffset(message.Storage, data));
        Assert.Equal(1_048_576, data.Length);
        Assert.True(data.Span.SequenceEqual(payload));
    }

    [Fact]
    public void F9_Before189ASixtyFourKiBPageKernelAsksForMoreThanTheBufferHolds()
    {
        var config = new FuseMountConfig { Variant = FuseVariant.MasterPre189, PageSize = 65536 };
        KernelLimits kernel = InitNegotiation.Apply(InitNegotiation.Reply(Kernel731, config), 65536, 256);
        Assert.Equal(16L << 20, kernel.MaxReadRequest);

        var message = new InMessage(config.InMessageSize);
        message.Init(FuseMessages.Into(FuseMessages.Read(1, 0, 16 << 20)));
        _ = message.Consume(FuseWire.ReadInSize);
        Assert.Null(message.GetFree(16 << 20)); // Dst nil: the read returns 0 bytes
    }

    [Theory]
    [InlineData(39, "Unexpectedly read only 39 bytes.")]
    [InlineData(100, "Header says 80 bytes, but we read 100")]
    public void AShortOrMislabelledMessageIsAProtocolError(int readLength, string error)
    {
        byte[] wire = FuseMessages.Read(1, 0, 10);
        var message = new InMessage(new FuseMountConfig().InMessageSize);

        var e = Assert.Throws<FuseProtocolException>(() => message.Init(storage =>
        {
            wire.AsSpan(0, Math.Min(readLength, wire.Length)).CopyTo(storage);
            return readLength;
        }));
        Assert.Equal(error, e.Message);
    }

    private static int MemoryMarshalOffset(byte[] storage, Memory<byte> slice) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(slice, out ArraySegment<byte> segment) && segment.Array == storage ? segment.Offset : -1;
}
