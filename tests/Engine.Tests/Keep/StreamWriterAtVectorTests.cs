using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>K13-K14: services/keepstore/streamwriterat.go.</summary>
public class StreamWriterAtVectorTests
{
    private const int Part = 65536;

    [Fact]
    public void K13_PartsGoOutInOrderAndCloseFlushesTheTail()
    {
        byte[] buffer = new byte[3 * Part];
        var delivered = new List<(int Offset, int Count)>();
        var client = new List<byte>();
        var writer = new StreamWriterAt(buffer, Part, (offset, count) =>
        {
            delivered.Add((offset, count));
            client.AddRange(buffer.AsSpan(offset, count).ToArray());
            return null;
        });
        byte[] source = Enumerable.Range(0, 2 * Part + 10).Select(i => (byte)(i * 7)).ToArray();

        Assert.Null(writer.WriteAt(source.AsSpan(Part, Part), Part));
        Assert.Empty(delivered);
        Assert.Null(writer.WriteAt(source.AsSpan(0, Part), 0));
        Assert.Equal([(0, Part), (Part, Part)], delivered);
        Assert.Null(writer.WriteAt(source.AsSpan(2 * Part, 10), 2 * Part));
        Assert.Equal(2, delivered.Count);
        Assert.Null(writer.Close());

        Assert.Equal((2 * Part, 10), delivered[^1]);
        Assert.Equal(131_082, writer.Wrote);
        Assert.Equal(source, client);
    }

    [Fact]
    public void K14_WritingOnePartTwiceIsAnOverlapError()
    {
        var writer = new StreamWriterAt(new byte[3 * Part], Part, (_, _) => null);
        Assert.Null(writer.WriteAt(new byte[Part - 10], 0));

        Assert.Equal("streamWriterAt: overlapping WriteAt calls", writer.WriteAt(new byte[Part], 0));
    }

    [Fact]
    public void WritesPastTheBufferAndAfterCloseAreErrors()
    {
        var writer = new StreamWriterAt(new byte[Part], Part, (_, _) => null);

        Assert.Equal($"write beyond end of buffer: offset {Part - 1} len 2 buf {Part}", writer.WriteAt(new byte[2], Part - 1));
        Assert.Null(writer.Close());
        Assert.Equal("invalid use of closed streamWriterAt", writer.WriteAt(new byte[1], 0));
        Assert.Equal("invalid use of closed streamWriterAt", writer.Close());
    }

    [Fact]
    public void AHoleIsReportedOnClose()
    {
        var writer = new StreamWriterAt(new byte[3 * Part], Part, (_, _) => null);
        writer.WriteAt(new byte[Part], 2 * Part);

        Assert.Equal($"streamWriterAt: detected hole in input: wrote {Part} but flushed 0", writer.Close());
    }

    [Fact]
    public void AWriterErrorStopsDeliveryAndIsWhatCloseReturns()
    {
        int calls = 0;
        var writer = new StreamWriterAt(new byte[2 * Part], Part, (_, _) => ++calls == 1 ? "checksum mismatch in stored data" : null);
        writer.WriteAt(new byte[2 * Part], 0);

        Assert.Equal("checksum mismatch in stored data", writer.Close());
        Assert.Equal(0, writer.Wrote);
    }
}
