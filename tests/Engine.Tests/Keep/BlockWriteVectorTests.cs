using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>K10-K12: BlockWrite with a streamed body, at keepstore's real 64 MiB block size.</summary>
public class BlockWriteVectorTests
{
    private static KeepHarness PutOnce(byte[] body, KeepLocator locator, KeepServerMode mode = KeepServerMode.Current) =>
        new KeepHarness(new KeepConfig { Mode = mode, MaxBuffers = 2 }, blocks: 0).Put(0, body, locator).Execute();

    [Theory]
    [InlineData(KeepServerMode.Current)]
    [InlineData(KeepServerMode.Legacy)]
    [InlineData(KeepServerMode.Coalescing)]
    public void K10_ABodyOfExactly64MiBIsAcceptedAndStored(KeepServerMode mode)
    {
        byte[] body = new byte[KeepConfig.FullBlockSize];
        body[^1] = 7;
        KeepLocator locator = KeepLocator.Of(body);
        KeepHarness run = PutOnce(body, locator, mode);

        Assert.Equal(200, run.Response(1).Status);
        Assert.Contains(run.Model.Volumes, v => v.Contains(locator.Hash));
    }

    [Fact]
    public void K11_OneByteMoreIs413()
    {
        byte[] body = new byte[KeepConfig.FullBlockSize + 1];
        KeepHarness run = PutOnce(body, new KeepLocator(new string('0', 32), body.Length));

        Assert.Equal(413, run.Response(1).Status);
        Assert.All(run.Model.Volumes, v => Assert.Equal(0, v.BlockCount));
    }

    [Fact]
    public void K12_AShortBodyIs400NamingBothLengths()
    {
        byte[] body = new byte[9];
        KeepHarness run = PutOnce(body, new KeepLocator(KeepLocator.Of(new byte[10]).Hash, 10));

        Assert.Equal(400, run.Response(1).Status);
        Assert.Equal("content length 9 did not match specified data size 10", run.Response(1).Error);
    }

    [Fact]
    public void ABodyWhoseHashIsNotTheLocatorsIs400()
    {
        byte[] body = [1, 2, 3];
        KeepHarness run = PutOnce(body, new KeepLocator(KeepLocator.Of([9, 9, 9]).Hash, 3));

        Assert.Equal(400, run.Response(1).Status);
        Assert.StartsWith("content hash " + KeepLocator.Of(body).Hash + " did not match", run.Response(1).Error, StringComparison.Ordinal);
    }
}
