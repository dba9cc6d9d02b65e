using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Keep;

namespace BufferLab.Simulator.Engine.Tests.Scenarios;

/// <summary>Each system's op grammar reads what it writes.</summary>
public class OpGrammarTests
{
    [Theory]
    [InlineData("g3", 3, false, 0, null)]
    [InlineData("p", -1, true, 0, null)]
    [InlineData("g0^x800", 0, false, 1, 800.0)]
    [InlineData("p^", -1, true, 1, null)]
    public void KeepOpsRoundTrip(string token, int block, bool put, long priority, double? disconnect)
    {
        KeepOp op = KeepOp.TryParse(token, out string? error)!;
        Assert.Null(error);
        Assert.Equal(new KeepOp(block, put, priority, disconnect), op);
        Assert.Equal(token, op.ToString());
    }

    [Theory]
    [InlineData("r0:1MiB", false, 0, 1 << 20, false, false)]
    [InlineData("w4MiB:4MiB+f+i", true, 4 << 20, 4 << 20, true, true)]
    [InlineData("r12345:4KiB+i", false, 12345, 4096, false, true)]
    public void FuseOpsRoundTrip(string token, bool write, long offset, int size, bool forget, bool interrupt)
    {
        FuseIoOp op = FuseIoOp.TryParse(token, out _)!;
        Assert.Equal(new FuseIoOp(write, offset, size, forget, interrupt), op);
        Assert.Equal(token, op.ToString());
        Assert.Equal(op, FuseIoOp.TryParse("" + (write ? 'w' : 'r') + offset + ":" + size + (forget ? "+f" : "") + (interrupt ? "+i" : ""), out _));
    }

    [Theory]
    [InlineData("x3")]
    [InlineData("g")]
    [InlineData("g3x")]
    [InlineData("r0:0")]
    [InlineData("w1:2+f+f")]
    [InlineData("q1")]
    public void BadTokensAreRefusedWithAReason(string token)
    {
        string? keep = null, fuse = null, filestore = null;
        Assert.True(KeepOp.TryParse(token, out keep) is null || FuseIoOp.TryParse(token, out fuse) is null || FilestoreOp.TryParse(token, out filestore) is null);
        Assert.True(keep is not null || fuse is not null || filestore is not null);
    }

    [Theory]
    [InlineData("4096", 4096)]
    [InlineData("64KiB", 65536)]
    [InlineData("4m", 4 << 20)]
    [InlineData("1GiB", 1L << 30)]
    public void SizesTakeBinaryUnits(string text, long bytes)
    {
        Assert.True(SizeText.TryParse(text, out long parsed));
        Assert.Equal(bytes, parsed);
    }
}
