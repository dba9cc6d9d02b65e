using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Fuse;
using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Fuse;

/// <summary>The daemon and the simulated kernel over the real descriptor pair, end to end.</summary>
public class FuseModelTests
{
    public static TheoryData<string, FuseMode> PresetsAndModes()
    {
        var data = new TheoryData<string, FuseMode>();
        foreach (FuseScenario preset in ScenarioCatalog.Of<FuseScenario>())
        {
            foreach (FuseMode mode in Enum.GetValues<FuseMode>())
            {
                data.Add(preset.Name, mode);
            }
        }

        return data;
    }

    private static (Run Run, FuseModel Model) RunToEnd(FuseScenario scenario, ulong seed = 1)
    {
        var run = new Run(scenario, seed);
        run.RunToEnd();
        return (run, (FuseModel)run.Model);
    }

    [Theory]
    [MemberData(nameof(PresetsAndModes))]
    public void EveryPresetRunsInEveryModeAndEveryReplyChecksOut(string preset, FuseMode mode)
    {
        FuseScenario scenario = ScenarioCatalog.Of<FuseScenario>().Single(p => p.Name == preset).WithMode(mode);
        (Run run, FuseModel model) = RunToEnd(scenario);
        using (run)
        {
            Assert.True(run.IsFinished);
            Assert.Null(model.Failure);
            ReplyChecked[] replies = [.. run.Events.Events.Select(e => e.Event).OfType<ReplyChecked>()];
            if (preset == "fuse-bug-189" && mode == FuseMode.Master)
            {
                Assert.Equal(2, model.Daemon.DstNil); // 16 MiB reads into a 1 MiB buffer
                Assert.All(replies, r => Assert.Contains("premature EOF", r.Problem, StringComparison.Ordinal));
                return;
            }

            Assert.Equal(0, model.Errors);
            Assert.All(replies, r => Assert.Null(r.Problem));
            Assert.Equal(scenario.Phases.Sum(p => p.SequentialReadBytes + p.SequentialWriteBytes), preset == "fuse-mixed" ? 0 : model.BytesServed);
        }
    }

    [Fact]
    public void AFourMiBWriteIsCopiedOnlyWhenVectoredWritesAreOff()
    {
        (Run vectoredRun, FuseModel vectored) = RunToEnd(ScenarioCatalog.Get<FuseScenario>("fuse-large-write-4m").WithMode(FuseMode.Vectored));
        (Run contiguousRun, FuseModel contiguous) = RunToEnd(ScenarioCatalog.Get<FuseScenario>("fuse-large-write-4m").WithMode(FuseMode.ContiguousLarge));
        (Run masterRun, FuseModel master) = RunToEnd(ScenarioCatalog.Get<FuseScenario>("fuse-large-write-4m").WithMode(FuseMode.Master));
        using (vectoredRun)
        using (contiguousRun)
        using (masterRun)
        {
            Assert.Equal(8, vectored.Ops);
            Assert.Equal(0, vectored.Daemon.LibraryBytesCopied);
            Assert.Equal(32L << 20, contiguous.Daemon.LibraryBytesCopied);
            Assert.True(contiguous.Daemon.HeapBytes > vectored.Daemon.HeapBytes + (32L << 20) - 1);
            Assert.Equal(32, master.Ops); // the kernel splits at master's 1 MiB max_write
            Assert.Equal(1024, vectored.KernelMaxPages);
            Assert.Equal(256, master.KernelMaxPages);
        }
    }

    [Theory]
    [InlineData(FuseMode.Master)]
    [InlineData(FuseMode.Vectored)]
    public void ReadsAnsweredWithDataSendTheFilesOwnBytes(FuseMode mode)
    {
        (Run run, FuseModel model) = RunToEnd(ScenarioCatalog.Get<FuseScenario>("fuse-seq-read-1m").WithMode(mode) with { ReadsFromData = true });
        using (run)
        {
            Assert.Equal(0, model.Errors);
            Assert.Equal(32L << 20, model.BytesServed);
            Assert.Equal(0, model.Daemon.FileSystem.BytesCopied); // no copy into Dst: writev sends the file's slices
            Assert.Equal(32, run.Events.Events.Count(e => e.Event is ReplyChecked));
            Assert.Equal(2 + (32 * 3), model.Daemon.WritevElements); // INIT's header and body, then a header and two file slices per READ
        }
    }

    [Fact]
    public void OneSeedOneEventLog()
    {
        (Run a, _) = RunToEnd(ScenarioCatalog.Get<FuseScenario>("fuse-mixed").WithMode(FuseMode.Vectored), 9);
        (Run b, _) = RunToEnd(ScenarioCatalog.Get<FuseScenario>("fuse-mixed").WithMode(FuseMode.Vectored), 9);
        using (a)
        using (b)
        {
            Assert.Equal(a.Events.Sha256(), b.Events.Sha256());
        }
    }

    [Fact]
    public void EveryByteWrittenComesBackThroughEveryPathAndMode()
    {
        for (ulong seed = 1; seed <= 12; seed++)
        {
            var r = new SeededRandom(seed);
            var scenario = new FuseScenario
            {
                Name = $"random-{seed}",
                Title = "random",
                Description = "random",
                Mode = (FuseMode)r.NextInt(3),
                ReadsFromData = r.NextInt(3) == 0,
                PageSize = new[] { 4096, 16384, 65536 }[r.NextInt(3)],
                MaxMessageSize = (uint)(r.NextInt(1, 4) << 20),
                MaxPagesLimit = 1024,
                FileBytes = 8 << 20,
                Phases =
                [
                    new FusePhase
                    {
                        RandomOps = 40, MaxRandomBytes = 4 << 20, WriteFraction = 0.6,
                        ForgetEvery = r.NextInt(0, 7), InterruptEvery = r.NextInt(0, 9), QueueDepth = r.NextInt(1, 9),
                    },
                    new FusePhase
                    {
                        Ops = [.. Enumerable.Range(0, 8).Select(_ => new FuseIoOp(r.NextInt(2) == 0, r.NextInt(4 << 20), r.NextInt(1, 4 << 20), r.NextInt(3) == 0, r.NextInt(3) == 0))],
                        QueueDepth = r.NextInt(1, 9),
                    },
                ],
            };
            (Run run, FuseModel model) = RunToEnd(scenario, seed);
            using (run)
            {
                Assert.True(model.Errors == 0, $"seed {seed} ({scenario.Mode}, {scenario.PageSize}-byte pages): {model.Errors} errors");
                Assert.Equal(model.Ops, run.Events.Events.Count(e => e.Event is ReplyChecked));
            }
        }
    }

    [Fact]
    public void AKernelTooOldGetsEproto()
    {
        using var channel = new FuseChannel(2 << 20);
        var daemon = new FuseDaemon(new FuseMountConfig(), channel, new MemFs(new byte[4096]));
        var kernel = new SimulatedKernel(channel, 4096, 256, new byte[4096]);
        kernel.SendInit(17);

        Assert.StartsWith("Version too old", Assert.Throws<FuseProtocolException>(() => daemon.ReadOp()).Message, StringComparison.Ordinal);
        Assert.Contains("error -71", Assert.Throws<FuseProtocolException>(() => kernel.ReceiveInit()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedMessageIsAnErrorAndTheNextOneIsServed()
    {
        using var channel = new FuseChannel(2 << 20);
        var daemon = new FuseDaemon(new FuseMountConfig(), channel, new MemFs(new byte[1 << 20]));
        var kernel = new SimulatedKernel(channel, 4096, 256, new byte[1 << 20]);
        kernel.SendInit(31);
        Assert.Null(daemon.ReadOp());
        kernel.ReceiveInit();

        byte[] lying = FuseMessages.Read(99, 0, 10);
        FuseWire.Put(lying, 0, 100u); // header says 100 bytes
        channel.KernelSend(lying);
        Assert.Equal("Header says 100 bytes, but we read 80", Assert.Throws<FuseProtocolException>(() => daemon.ReadOp()).Message);
        channel.KernelSend(new byte[12]);
        Assert.Equal("Unexpectedly read only 12 bytes.", Assert.Throws<FuseProtocolException>(() => daemon.ReadOp()).Message);

        KernelRequest read = kernel.SendRead(0, 4096);
        FuseOp op = daemon.ReadOp()!;
        daemon.Serve(op);
        Assert.Equal((read, 4096, 0, (string?)null), kernel.ReceiveReply());
    }
}
