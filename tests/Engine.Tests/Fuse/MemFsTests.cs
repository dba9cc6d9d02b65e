using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Tests.Fuse;

/// <summary>
/// memfs as samples/memfs/inode.go has it (upstream WriteAt, and the fork's WriteBlocksAt): a write
/// past the end grows the file, the gap zero-filled; here the growth stops at MaxBytes with EFBIG.
/// </summary>
public class MemFsTests
{
    [Fact]
    public void AWritePastTheEndGrowsTheFileWithZerosInTheGap()
    {
        var fs = new MemFs([1, 2, 3, 4]);

        Assert.Equal(2, fs.WriteAt([9, 9], 10));

        Assert.Equal(12, fs.Length);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 9, 9 }, fs.Content.ToArray());
        byte[] dst = new byte[8];
        Assert.Equal(2, fs.ReadAt(dst, 10)); // a short read at the new end
        Assert.Equal(0, fs.ReadAt(dst, 40)); // past the end: EOF, 0 bytes
    }

    [Fact]
    public void WriteBlocksAtGrowsTheFileOnceAndWritesEveryBlock()
    {
        var fs = new MemFs(new byte[4]);

        Assert.Equal(6, fs.WriteBlocksAt([new byte[] { 1, 2, 3 }, new byte[] { 4, 5, 6 }], 6));

        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6 }, fs.Content.ToArray());
        Assert.Equal(6, fs.BytesCopied);
        Assert.True(fs.HeapBytes >= 12); // append reallocated the slice
    }

    [Fact]
    public void GrowthStopsAtTheSimulationsBoundWithEfbig()
    {
        var fs = new MemFs(new byte[4096]) { MaxBytes = 8192 };

        Assert.Equal(4096, fs.WriteAt(new byte[4096], 4096)); // exactly to the bound
        var e = Assert.Throws<FuseErrnoException>(() => fs.WriteAt(new byte[1], 8192));

        Assert.Equal(MemFs.Efbig, e.Errno);
        Assert.Equal("a write to byte 8193 would grow the file past the 8192 bytes this simulation allows (upstream memfs grows without a bound)", e.Message);
        Assert.Equal(8192, fs.Length); // nothing changed
    }

    [Theory]
    [InlineData(FuseMode.Master)]
    [InlineData(FuseMode.Vectored)]
    [InlineData(FuseMode.ContiguousLarge)]
    public void TheKernelWritesPastTheEndAndReadsTheGrownFileBack(FuseMode mode)
    {
        var scenario = new FuseScenario
        {
            Name = "grow", Title = "grow", Description = "grow", Mode = mode, MaxMessageSize = 2 << 20, MaxPagesLimit = 512, DirectIo = true, FileBytes = 1 << 20,
            Phases =
            [
                new FusePhase
                {
                    Ops = [new FuseIoOp(true, 3 << 20, 2 << 20), new FuseIoOp(false, 0, 5 << 20)], QueueDepth = 1,
                },
            ],
        };
        Assert.Null(scenario.Problem());

        using var run = new Run(scenario, 1);
        run.RunToEnd();
        var model = (FuseModel)run.Model;

        Assert.Equal(0, model.Errors); // every READ matched the kernel's view: zeros from 1 MiB to 3 MiB
        Assert.Equal(5 << 20, model.Daemon.FileSystem.Length);
        Assert.All(run.Events.Events.Select(e => e.Event).OfType<ReplyChecked>(), r => Assert.Null(r.Problem));
    }

    [Fact]
    public void AReadPastTheEndOfTheFileIsStillRefused()
    {
        var scenario = new FuseScenario
        {
            Name = "grow", Title = "grow", Description = "grow", FileBytes = 1 << 20,
            Phases = [new FusePhase { Ops = [new FuseIoOp(false, 0, 2 << 20)] }],
        };

        Assert.Equal("phases[0].ops: op 1 ('r0:2MiB') reads to byte 2097152, past the end of the file (1048576)", scenario.Problem());
    }
}
