using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Tests.Fuse;

/// <summary>
/// The simulated kernel as Linux 6.18 behaves: INIT (fs/fuse/inode.c fuse_send_init and
/// process_init_reply), buffered and direct READ sizes (the readahead window), and the device's
/// read rules (fs/fuse/dev.c fuse_dev_do_read: EINVAL for a small buffer, EIO for a request larger than it).
/// </summary>
public class SimulatedKernelTests
{
    private static (FuseChannel Channel, FuseDaemon Daemon, SimulatedKernel Kernel) Connect(FuseMountConfig config, int maxReadahead = LinuxInit.DefaultMaxReadahead)
    {
        var channel = new FuseChannel(4 << 20);
        var daemon = new FuseDaemon(config, channel, new MemFs(new byte[1 << 20]));
        var kernel = new SimulatedKernel(channel, 4096, 256, new byte[1 << 20], maxReadahead);
        kernel.SendInit();
        Assert.Null(daemon.ReadOp());
        kernel.ReceiveInit();
        return (channel, daemon, kernel);
    }

    [Fact]
    public void InitIsSentAsLinux618SendsIt()
    {
        // fuse_send_init: 7.45, a 64-byte fuse_init_in (a 104-byte message), max_readahead = the bdi's 128 KiB, flags 0x73fffffb (observed on this machine).
        using var channel = new FuseChannel(2 << 20);
        var kernel = new SimulatedKernel(channel, 4096, 256, new byte[4096]);
        kernel.SendInit();
        byte[] message = new byte[8192];

        Assert.Equal(104, channel.DaemonRead(message));
        Assert.Equal((104u, FuseOpcode.Init), (InHeader.Read(message).Len, InHeader.Read(message).Opcode));
        Assert.Equal(new InitIn(7, 45, 131072, 0x73fffffb), InitIn.Read(message.AsSpan(40)));
        Assert.All(message[(40 + 16)..104], b => Assert.Equal(0, b)); // flags2 (not recorded) and the 11 unused words
    }

    [Theory]
    [InlineData(128 << 10, 128 << 10)] // Linux's default: the kernel's 128 KiB is below jacobsa's 1 MiB reply
    [InlineData(4 << 20, 1 << 20)] // a larger bdi window: the reply's 1 MiB wins
    [InlineData(10_000, 8192)] // whole pages (ra_pages = max_readahead / PAGE_SIZE)
    public void TheReadaheadWindowIsTheLowerOfTheKernelsAndTheReply(int kernelReadahead, int window)
    {
        (FuseChannel channel, _, SimulatedKernel kernel) = Connect(new FuseMountConfig(), kernelReadahead);
        using (channel)
        {
            Assert.Equal(window, kernel.Limits!.Readahead);
            Assert.Equal(Math.Max(4096, window), kernel.Limits.MaxBufferedReadRequest);
            Assert.Equal(1 << 20, kernel.Limits.MaxReadRequest); // direct I/O: max_pages
        }
    }

    [Fact]
    public void EveryReadIntoABufferBelowTheMinimumIsRefusedWithEinval()
    {
        // fuse_dev_do_read: nbytes < max(FUSE_MIN_READ_BUFFER, 40 + 40 + max_write) -> -EINVAL, on every read once INIT set max_write.
        (FuseChannel channel, FuseDaemon daemon, SimulatedKernel kernel) = Connect(new FuseMountConfig { PageSize = 64 }); // a 64 + 1 MiB buffer
        using (channel)
        {
            Assert.Equal((1 << 20) + 80, channel.MinReadBuffer);
            KernelRequest read = kernel.SendRead(0, 4096);
            for (int i = 0; i < 2; i++)
            {
                Assert.Equal("read of /dev/fuse: EINVAL (buffer of 1048640 bytes, the kernel needs at least 1048656)", Assert.Throws<FuseProtocolException>(() => daemon.ReadOp()).Message);
                Assert.True(channel.LastReadRefused);
            }

            Assert.Equal((1, 1), (daemon.InMessagesAllocated, daemon.FreeInMessages)); // the refused read gave its message back
            byte[] big = new byte[(1 << 20) + 80];
            Assert.Equal(80, channel.DaemonRead(big)); // the request stayed queued
            Assert.Equal(read.Unique, InHeader.Read(big).Unique);
        }
    }

    [Fact]
    public void ARequestLargerThanTheReadBufferIsEndedWithEioAndTheReadTakesTheNextOne()
    {
        // fuse_dev_do_read: nbytes < in.h.len -> the request ends with -EIO and the read restarts on the next request.
        using var channel = new FuseChannel(4 << 20);
        channel.KernelSend(FuseMessages.Write(7, 0, FuseMessages.Payload(2 << 20)));
        channel.KernelSend(FuseMessages.Read(8, 0, 4096));
        var message = new InMessage(new FuseMountConfig().InMessageSize);

        message.Init(channel.DaemonRead);

        Assert.Equal(8ul, message.Header.Unique);
        Assert.Equal(new FailedRequest(7, FuseOpcode.Write, (2 << 20) + 80, (1 << 20) + 4096, -5), Assert.Single(channel.TakeFailed()));
        Assert.Empty(channel.TakeFailed());
    }

    [Fact]
    public void ReadvSkipsATooLargeRequestTheSameWay()
    {
        using var channel = new FuseChannel(4 << 20);
        var pools = new BlockPools(4096);
        var message = new VectoredInMessage(pools);
        message.AllocBlocks((1 << 20) + 4096);
        channel.KernelSend(FuseMessages.Write(3, 0, FuseMessages.Payload((1 << 20) + 8192)));
        byte[] fits = FuseMessages.Write(4, 0, FuseMessages.Payload(1 << 20));
        channel.KernelSend(fits);

        message.Init(channel.DaemonReadv);

        Assert.Equal((4ul, fits.Length), (message.Header.Unique, message.Size));
        Assert.Equal(3ul, Assert.Single(channel.TakeFailed()).Unique);
    }

    [Fact]
    public void WhenOnlyTooLargeRequestsWereQueuedTheReadEndsThemAndTheDaemonKeepsItsMessage()
    {
        (FuseChannel channel, FuseDaemon daemon, SimulatedKernel kernel) = Connect(new FuseMountConfig());
        using (channel)
        {
            KernelRequest read = kernel.SendRead(0, 4096);
            byte[] raw = new byte[(1 << 20) + 4096];
            Assert.Equal(80, channel.DaemonRead(raw)); // take the READ off, then queue it again too large
            byte[] tooLarge = new byte[(2 << 20) + 80];
            raw.AsSpan(0, 80).CopyTo(tooLarge);
            FuseWire.Put(tooLarge, 0, (uint)tooLarge.Length);
            channel.KernelSend(tooLarge);

            Assert.Throws<FuseProtocolException>(() => daemon.ReadOp());
            Assert.True(channel.LastReadFoundNothing);
            Assert.Equal(daemon.InMessagesAllocated, daemon.FreeInMessages);
            FailedRequest failed = Assert.Single(channel.TakeFailed());
            Assert.Same(read, kernel.EndFailed(failed)); // the kernel's request is over, with EIO
            Assert.Equal(0, kernel.Outstanding);
        }
    }

    private static FuseScenario SequentialRead(bool directIo, int maxReadahead = LinuxInit.DefaultMaxReadahead) => ScenarioCatalog.Get<FuseScenario>("fuse-seq-read-1m") with
    {
        DirectIo = directIo, MaxReadahead = maxReadahead,
    };

    private static int[] ReadSizes(FuseScenario scenario)
    {
        using var run = new Run(scenario, 1);
        run.RunToEnd();
        Assert.Equal(0, ((FuseModel)run.Model).Errors);
        return [.. run.Events.Events.Select(e => e.Event).OfType<RequestSent>().Where(r => r.Opcode == "READ").Select(r => r.Size)];
    }

    [Fact]
    public void BufferedReadsAskForAtMostTheReadaheadWindow()
    {
        // A buffered read goes through the page cache (mm/readahead.c): the kernel asks the daemon for at most ra_pages at a time.
        int[] buffered = ReadSizes(SequentialRead(directIo: false));
        Assert.Equal(256, buffered.Length);
        Assert.All(buffered, size => Assert.Equal(128 << 10, size));

        int[] wider = ReadSizes(SequentialRead(directIo: false, maxReadahead: 512 << 10));
        Assert.Equal(64, wider.Length);
        Assert.All(wider, size => Assert.Equal(512 << 10, size));
    }

    [Fact]
    public void DirectReadsKeepTheirSizeUpToMaxPages()
    {
        int[] direct = ReadSizes(SequentialRead(directIo: true));
        Assert.Equal(32, direct.Length);
        Assert.All(direct, size => Assert.Equal(1 << 20, size));
    }

    [Fact]
    public void WritesAreTheSameBufferedOrDirect()
    {
        FuseScenario write = ScenarioCatalog.Get<FuseScenario>("fuse-large-write-4m").WithMode(FuseMode.Vectored);
        int[] Sizes(bool directIo)
        {
            using var run = new Run(write with { DirectIo = directIo }, 1);
            run.RunToEnd();
            return [.. run.Events.Events.Select(e => e.Event).OfType<RequestSent>().Where(r => r.Opcode == "WRITE").Select(r => r.Size)];
        }

        Assert.Equal(Sizes(true), Sizes(false));
        Assert.All(Sizes(false), size => Assert.Equal(4 << 20, size));
    }

    [Fact]
    public void TheRunShowsTheReadaheadTheKernelKept()
    {
        using var run = new Run(SequentialRead(directIo: false), 1);
        run.RunToEnd();
        InitView init = ((FuseModel)run.Model).Snapshot().Init!;
        Assert.Equal((45u, 34u, 131072u, 1u << 20, 128 << 10), (init.KernelMinor, init.Minor, init.KernelMaxReadahead, init.MaxReadahead, init.Readahead));
    }

    [Theory]
    [InlineData(4095, "options.maxReadahead: must be from 4096 to 16777216 bytes, got 4095")]
    [InlineData((16 << 20) + 1, "options.maxReadahead: must be from 4096 to 16777216 bytes, got 16777217")]
    public void TheReadaheadOptionIsBounded(int maxReadahead, string problem) =>
        Assert.Equal(problem, SequentialRead(false, maxReadahead).Problem());
}
