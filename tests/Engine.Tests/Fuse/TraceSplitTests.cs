using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Fuse;

/// <summary>A recording replayed with a daemon that negotiated smaller requests: the kernel splits I/O at max_pages, so the simulated one does too.</summary>
public sealed class TraceSplitTests
{
    private static FuseScenario Recorded(FuseMode mode) => new()
    {
        Name = "recorded", Title = "recorded", Description = "a vectored mount's 4 MiB WRITE, as a real mount records it",
        Mode = mode, MaxMessageSize = 4 << 20, MaxPagesLimit = 1024, FileBytes = 8 << 20, DirectIo = true,
        Phases = [new FusePhase { SequentialWriteBytes = 4 << 20, IoBytes = 4 << 20, QueueDepth = 1 }],
        Replay = new WorkloadTrace([new(TimeSpan.Zero, "kernel", "depth1"), new(TimeSpan.Zero, "kernel", "w0:4MiB+f")]),
    };

    [Theory]
    [InlineData(FuseMode.Vectored, 1)] // as recorded: one 4 MiB WRITE
    [InlineData(FuseMode.Master, 4)] // master negotiated 1 MiB: four WRITEs
    public void ARequestLargerThanTheMountAllowsIsSplitAtMaxPages(FuseMode mode, int writes)
    {
        using var run = new Run(Recorded(mode), 1);
        run.RunToEnd();
        RequestSent[] sent = [.. run.Events.Events.Select(e => e.Event).OfType<RequestSent>()];

        Assert.Null(run.Model.Failure);
        Assert.Equal(writes, sent.Count(r => r.Opcode == "WRITE"));
        Assert.Equal(4 << 20, sent.Where(r => r.Opcode == "WRITE").Sum(r => r.Size));
        Assert.Equal("FORGET", sent[^1].Opcode); // with the last piece
    }
}
