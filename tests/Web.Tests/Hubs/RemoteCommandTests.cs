using System.Net;
using System.Net.Sockets;
using BufferLab.Simulator.Cli;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Web.Tests.Sessions;

namespace BufferLab.Simulator.Web.Tests.Hubs;

/// <summary>`Simulator.Cli remote`: the SignalR .NET client driving a real dashboard on Kestrel.</summary>
public sealed class RemoteCommandTests(LiveDashboard dashboard) : IClassFixture<LiveDashboard>
{
    private static (int Exit, string Output, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void SeekToTheEndPrintsTheSlotMapAndTheRunnersEventLogHash()
    {
        using var run = new Run(ScenarioCatalog.Find("readme-case3")!, 1);
        run.RunToEnd();

        var (exit, output, error) = Cli("remote", dashboard.Address, "open", "readme-case3", "--seed", "1", "--seek", "end");

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.StartsWith("session ", lines[0], StringComparison.Ordinal);
        Assert.Contains("readme-case3 (stratum-v2), seed 1, steps 0-14", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^step 14/14  t=\S+ s  9a3456bc BACK MODE;", lines[1]);
        Assert.Equal($"finished at step 14 of 14; event log sha256 {run.Events.Sha256()}", lines[2]);
    }

    [Fact]
    public void FollowPrintsFramesLiveWhilePlayUntilTheRunEnds()
    {
        var (exit, output, error) = Cli("remote", dashboard.Address, "open", "readme-case3", "--seed", "1", "--speed", "40", "--play", "--follow");

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        string[] frames = [.. output.Split('\n').Where(l => l.StartsWith("step ", StringComparison.Ordinal))];
        Assert.True(frames.Length >= 3, $"expected frames while playing, got:\n{output}");
        int[] steps = [.. frames.Select(f => int.Parse(f["step ".Length..f.IndexOf('/', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(steps.Order(), steps);
        Assert.Equal(14, steps[^1]);
        Assert.Contains("9a3456bc BACK MODE", frames[^1], StringComparison.Ordinal);
        Assert.Contains("finished at step 14 of 14", output, StringComparison.Ordinal);
    }

    [Fact]
    public void OpStringsStepsAndBacksAreSentInOrder()
    {
        var (exit, output, _) = Cli("remote", dashboard.Address, "open", "--ops", "+1:5 +2:5 -1", "--capacity", "40", "--seed", "3", "--step", "3", "--back", "1");

        Assert.Equal(0, exit);
        Assert.Contains("step 2/3", output, StringComparison.Ordinal);
        Assert.Contains("at step 2 of 3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileIsSentAsItsText()
    {
        string file = Path.Combine(Path.GetTempPath(), $"bufferlab-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, ScenarioTexts.KeepZipf(8, seed: 31));
        try
        {
            var (exit, output, _) = Cli("remote", dashboard.Address, "open", file, "--mode", "coalescing", "--step", "5");

            Assert.Equal(0, exit);
            Assert.Contains("keep-zipf (keep), seed 31", output, StringComparison.Ordinal);
            Assert.Contains("at step 5 of", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(2, "Open refused: unknown scenario 'nope'", "open", "nope")]
    [InlineData(2, "Open refused: mode must be 'current', 'legacy' or 'coalescing', got 'fast'", "open", "keep-zipf", "--mode", "fast")]
    [InlineData(2, "Seek refused: step must be from 0 to 14, got 99", "open", "readme-case3", "--seek", "99")]
    [InlineData(2, "option '--seed' must be a whole number", "open", "readme-case3", "--seed", "-1")]
    [InlineData(2, "option '--frames' must be a whole number from 1 to 1000000, got '0'", "open", "readme-case3", "--frames", "0")]
    [InlineData(2, "option '--speed' must be a number of steps per second, got 'NaN'", "open", "readme-case3", "--speed", "NaN")]
    [InlineData(2, "open takes one scenario", "open")]
    [InlineData(2, "usage: remote URL open", "close")]
    public void BadInputOrARefusedCallIsOneLineAndExit2(int code, string message, params string[] rest)
    {
        var (exit, _, error) = Cli(["remote", dashboard.Address, .. rest]);

        Assert.Equal(code, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1:5180")]
    [InlineData("/hubs/simulation")]
    public void ABadUrlIsRefusedBeforeAnythingIsSent(string url)
    {
        var (exit, _, error) = Cli("remote", url, "open", "readme-case3");

        Assert.Equal(2, exit);
        Assert.Equal($"error: '{url}' is not a dashboard address; give one such as http://127.0.0.1:5180 (what the dashboard prints when it starts)", error.TrimEnd());
    }

    [Fact]
    public void ADashboardThatIsNotThereIsOneLineAndExit1()
    {
        var (exit, _, error) = Cli("remote", $"http://127.0.0.1:{ClosedPort()}", "open", "readme-case3");

        Assert.Equal(1, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: cannot reach the dashboard's hub at http://127.0.0.1:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALostConnectionEndsAFollowWithOneLineAndExit1()
    {
        var other = new LiveDashboard();
        await other.InitializeAsync();
        var output = new StringWriter();
        var error = new StringWriter();
        Task<int> follow = Task.Run(() => CliApp.Run(["remote", other.Address, "open", "readme-case3", "--follow", "--seconds", "60"], TextWriter.Synchronized(output), error));
        await FirstFrameAsync(output);

        await ((IAsyncLifetime)other).DisposeAsync();
        int exit = await follow.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exit);
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.Contains("error: the connection to http://127.0.0.1:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("was lost during Frames", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CtrlCEndsAFollowAsInterrupted()
    {
        using var interrupt = new CancellationTokenSource();
        var output = new StringWriter();
        var error = new StringWriter();
        Task<int> follow = Task.Run(() => CliApp.Run(["remote", dashboard.Address, "open", "readme-case3", "--follow"], TextWriter.Synchronized(output), error, interrupt.Token));
        await FirstFrameAsync(output);

        await interrupt.CancelAsync();

        Assert.Equal(130, await follow.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("interrupted", error.ToString().TrimEnd());
    }

    /// <summary>Waits until a following CLI printed its first frame (it writes through a synchronized wrapper; reading a whole line is enough).</summary>
    private static async Task FirstFrameAsync(StringWriter output)
    {
        for (int poll = 0; poll < 400; poll++)
        {
            if (output.GetStringBuilder().ToString().Contains("step 0/14", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("the CLI printed no frame within 10 s");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
