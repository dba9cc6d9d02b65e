using System.Diagnostics;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Filestore;
using static BufferLab.Simulator.Engine.Tests.Cli.CliRunner;

namespace BufferLab.Simulator.Engine.Tests.Cli;

/// <summary>Paths that are not scenario files, files too deep to parse, and interrupted runs: one line on stderr and exit 2 (130 when interrupted), never a crash or a hang.</summary>
public class BadInputTests
{
    [Theory]
    [InlineData("run", "/dev/zero")]
    [InlineData("validate", "/dev/zero")]
    [InlineData("run", "/dev/urandom")]
    [InlineData("sv2", "replay", "/dev/zero")]
    public void ADeviceIsRefusedAsNotARegularFile(params string[] args)
    {
        var (exit, output, error) = RunCli(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"{args[^1]}:1:1: not a regular file (a device, pipe or socket); give a scenario file", error.Trim());
    }

    [Fact]
    public async Task ANamedPipeWithNoWriterIsRefusedWithoutOpeningIt()
    {
        string fifo = Path.Combine(Path.GetTempPath(), $"bufferlab-{Guid.NewGuid():N}.yaml");
        using (Process mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        try
        {
            var (exit, _, error) = await Task.Run(() => RunCli("run", fifo)).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(2, exit);
            Assert.Contains("not a regular file", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Fact]
    public void AFileNestedSixtyThousandLevelsIsOneProblem()
    {
        string file = Path.Combine(Path.GetTempPath(), $"bufferlab-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "name: deep\ndescription: d\nsystem: keep\njunk: " + new string('[', 60_000) + new string(']', 60_000) + "\n");
        try
        {
            var (exit, _, error) = RunCli("validate", file);

            Assert.Equal(2, exit);
            Assert.Equal($"{file}:4:38: the file nests deeper than 32 levels (hint: a scenario file needs a few levels; see scenarios/ for the shape)", error.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AnInterruptedRunStopsAtItsNextStepAndSaysSo()
    {
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel(); // Ctrl+C before the first step: the run is built, then stops at step 1
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = BufferLab.Simulator.Cli.CliApp.Run(["run", "filestore-sequential", "--seed", "1"], output, error, interrupt.Token);

        Assert.Equal(130, exit);
        Assert.Equal("interrupted", error.ToString().Trim());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void ARunWhoseTokenIsCancelledStopsAtItsNextStep()
    {
        using var cancel = new CancellationTokenSource();
        using var run = new Run(ScenarioCatalog.Find("random-long")!, 1, Run.MaxSteps, cancel: cancel.Token);
        run.SeekTo(100);

        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => run.RunToEnd());
        Assert.Equal(100, run.Step);
    }

    [Fact]
    public void TheFilesOfAProcessThatEndedAreRemovedAtTheNextStart()
    {
        string orphan = Path.Combine(FilestoreWorkspace.Root, $"{int.MaxValue - 7}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(orphan, "root"));
        File.WriteAllText(Path.Combine(orphan, "root", "blocks.bin"), "x");
        string mine = FilestoreWorkspace.Create();

        FilestoreWorkspace.RemoveOrphans();

        Assert.False(Directory.Exists(orphan));
        Assert.True(Directory.Exists(mine));
        Directory.Delete(mine);
    }
}
