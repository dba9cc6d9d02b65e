using System.Diagnostics;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;
using BufferLab.Simulator.Engine.Systems.Fuse.Mount;
using BufferLab.Simulator.Engine.Tests.Cli;

namespace BufferLab.Simulator.Engine.Tests.Fuse.Mount;

/// <summary>
/// The daemons on a real /dev/fuse mount, driven by dd in another process: the requests the Linux
/// kernel really sends, the bytes verified, and the mount always gone afterwards. One class, so its
/// tests run one at a time (max_pages_limit is a machine-wide setting).
/// </summary>
public sealed class RealMountTests
{
    private static readonly MountOptions Direct4MiB = new() { Direct = true, BlockBytes = 4 << 20, TotalBytes = 64 << 20, MaxPagesLimit = 1024, MaxMessageSize = 4 << 20 };

    [RealMountFact]
    public void VectoredDirectIoGets4MiBRequestsFromTheKernel()
    {
        int limitBefore = MaxPagesLimit.Read();
        MountReport report = new MountSession(Direct4MiB with { Mode = FuseMode.Vectored }).Run();

        Assert.True(report.Verified, Describe(report));
        SizeBucket bucket = Assert.Single(report.Sizes);
        Assert.Equal((4L << 20, 16, 16), (bucket.UpToBytes, bucket.Reads, bucket.Writes));
        Assert.Equal(0, report.Costs.LibraryCopiesPerRequest); // vectored: DstBufs and DataBlocks, no copy in the library
        Assert.True(report.Unmounted);
        Assert.Equal(limitBefore, MaxPagesLimit.Read());
    }

    [RealMountFact]
    public void MasterCapsTheSameIoAt1MiB()
    {
        MountReport report = new MountSession(Direct4MiB with { Mode = FuseMode.Master }).Run();

        Assert.True(report.Verified, Describe(report));
        Assert.Equal(1024, report.Init!.MaxPagesLimit);
        Assert.Equal(256, report.Init.EffectiveMaxPages);
        SizeBucket bucket = Assert.Single(report.Sizes);
        Assert.Equal((1L << 20, 64, 64), (bucket.UpToBytes, bucket.Reads, bucket.Writes));
    }

    [RealMountFact]
    public void TheBenchmarksReadToDevNullIsCheckedByASecondRead()
    {
        MountReport report = new MountSession(Direct4MiB with { Mode = FuseMode.Vectored, TotalBytes = 16 << 20, ReadToNull = true }).Run();

        Assert.True(report.Verified, Describe(report));
        Assert.Equal(4 + 4, report.Sizes.Single().Reads); // dd's timed read to /dev/null and the untimed check, 4 MiB each (its buffer is page-aligned)
    }

    [RealMountFact]
    public void ReadsAnsweredFromMemfsDataAreCheckedByteForByte()
    {
        // READ answered from memfs's file (Data: no copy into DstBufs); dd's copy is compared with the file, one read pass (no read-back).
        MountReport report = new MountSession(Direct4MiB with { Mode = FuseMode.Vectored, TotalBytes = 16 << 20, ReadsFromData = true }).Run();

        Assert.True(report.Verified, Describe(report));
        Assert.Equal(["write", "read"], report.Transfers.Select(t => t.Direction));
        Assert.Equal((4, 4), (report.Sizes.Single().Reads, report.Sizes.Single().Writes));
        Assert.True(report.Unmounted);
    }

    [RealMountFact]
    public void TheRealKernelSaysWhatTheSimulatedOneSays()
    {
        // Buffered reads come at most a readahead window (128 KiB) at a time, whatever dd's block size.
        MountReport report = new MountSession(new MountOptions { BlockBytes = 1 << 20, TotalBytes = 8 << 20 }).Run();

        Assert.True(report.Verified, Describe(report));
        MountInit init = report.Init!;
        Assert.Equal(("7.45", 64, 128u << 10, 0x73fffffbu), (init.KernelProtocol, init.KernelInitInBytes, init.KernelMaxReadahead, init.KernelFlags));
        Assert.Equal("7.34", init.ReplyProtocol);
        Assert.All(report.Sizes.Where(s => s.Reads > 0), s => Assert.True(s.UpToBytes <= 128 << 10, $"a buffered READ of up to {s.UpToBytes} bytes"));
        Assert.Contains(report.Opcodes, o => o.Key == "LOOKUP");
    }

    [RealMountFact]
    public void ARecordingReplaysAsAFuseTrace()
    {
        string trace = Path.Combine(Path.GetTempPath(), $"bufferlab-mount-{Environment.ProcessId}.yaml");
        try
        {
            (int exit, string output, string error) = CliRunner.RunCli("mount", "--mode", "vectored", "--direct", "--bs", "1MiB", "--total", "8MiB", "--record", trace, "--log", trace + ".jsonl");
            Assert.True(exit == 0, output + error);
            string[] log = File.ReadAllLines(trace + ".jsonl");
            Assert.Contains(log, l => l.Contains("\"opcode\":\"INIT\"", StringComparison.Ordinal));
            Assert.Equal(16, log.Count(l => l.Contains("\"size\":1048576", StringComparison.Ordinal)));
            string text = File.ReadAllText(trace);
            Assert.Equal(8, text.Split('\n').Count(l => l.Contains(" kernel w", StringComparison.Ordinal)));
            Assert.Equal(8, text.Split('\n').Count(l => l.Contains(" kernel r", StringComparison.Ordinal)));

            (exit, output, error) = CliRunner.RunCli("replay", trace, "--format", "json");
            Assert.True(exit == 0, output + error);
            Assert.Contains("\"ops\": 16", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(trace);
            File.Delete(trace + ".jsonl");
        }
    }

    [RealMountFact]
    public void SigtermMidRunAbortsUnmountsAndTheWriterGetsAnError()
    {
        // 4 KiB buffered writes of 256 MiB keep dd busy for seconds: long enough to be stopped mid-run.
        using Process cli = StartCli("mount", "--write", "--bs", "4KiB", "--total", "256MiB", "--no-writeback", "--direct");
        string mountPoint = WaitForMount(cli);
        Thread.Sleep(300);
        Assert.Equal(0, Kill(cli.Id, "TERM"));

        Assert.True(cli.WaitForExit(TimeSpan.FromSeconds(30)), "the CLI did not exit within 30 s of SIGTERM");
        string output = cli.StandardOutput.ReadToEnd();
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("stopped: interrupted", output, StringComparison.Ordinal);
        Assert.Contains("FAILED: dd:", output, StringComparison.Ordinal);
        Assert.Contains("unmounted: true", output, StringComparison.Ordinal);
        Assert.False(RealMount.IsMounted(mountPoint));
    }

    [RealMountFact]
    public void AMountLeftByAKilledDaemonIsDetachedByTheNextRun()
    {
        // SIGKILL leaves no chance to unmount: the kernel aborts the connection when /dev/fuse closes, and the next run detaches the dead mount.
        using Process cli = StartCli("mount", "--write", "--bs", "4KiB", "--total", "256MiB", "--no-writeback", "--direct");
        string mountPoint = WaitForMount(cli);
        cli.Kill();
        cli.WaitForExit();
        Assert.True(RealMount.IsMounted(mountPoint));

        Assert.True(RealMount.RemoveStale() >= 1);
        Assert.False(RealMount.IsMounted(mountPoint));
    }

    [RealMountFact]
    public void ASecondMountWaitsForTheFirstThenSaysItIsBusy()
    {
        using (MountLock.Take(TimeSpan.FromSeconds(30)))
        {
            var session = new MountSession(new MountOptions { TotalBytes = 1 << 20, Timeout = TimeSpan.FromSeconds(1) });
            Assert.Contains("another real mount has been running for 1 s", Assert.Throws<TimeoutException>(() => session.Run()).Message, StringComparison.Ordinal);
        }

        Assert.False(MountLock.Held());
    }

    private static Process StartCli(params string[] args)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "Simulator.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>The mount point of the CLI's file system once /proc/mounts lists it (and dd has had time to start).</summary>
    private static string WaitForMount(Process cli)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !cli.HasExited)
        {
            if (RealMount.MountedBy(cli.Id) is [string mountPoint])
            {
                return mountPoint;
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException($"the CLI mounted nothing within 30 s (exited: {cli.HasExited}): {(cli.HasExited ? cli.StandardError.ReadToEnd() : "")}");
    }

    private static int Kill(int pid, string signal)
    {
        using Process kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }

    private static string Describe(MountReport report) =>
        string.Join("; ", report.Transfers.Select(t => $"{t.Direction}: verified {t.Verified} {t.Error}")) + $" stopped: {report.Stopped}";
}
