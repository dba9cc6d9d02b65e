using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Web.Tests.Sessions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Web.Tests.Hubs;

/// <summary>Opening scenario files over the hub, and the event-log hash it reports at the end of a run.</summary>
public sealed class SimulationHubScenarioFileTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private Task<HubConnection> ConnectAsync() => HubClient.ConnectAsync(factory);

    [Theory]
    [InlineData("readme-case3", 1UL)]
    [InlineData("keep-zipf", 3UL)]
    [InlineData("fuse-mixed", 5UL)]
    public async Task APresetOpenedByItsTextAndByItsNameEndsWithTheRunnersEventLog(string preset, ulong seed)
    {
        await using var client = await ConnectAsync();
        using var run = new Run(ScenarioCatalog.Find(preset)!, seed);
        run.RunToEnd();

        string byName = await client.HashAtEndAsync(new OpenRequest(preset, Seed: seed));
        string byText = await client.HashAtEndAsync(new OpenRequest(null, Seed: seed, Yaml: ScenarioTexts.Preset(preset)));

        Assert.Equal(run.Events.Sha256(), byName);
        Assert.Equal(byName, byText);
    }

    [Theory]
    [InlineData("random", 9UL)]
    [InlineData("keep-job-start-herd", 2UL)]
    [InlineData("filestore-hot-chunks", 4UL)]
    public async Task OneFileGivesOneEventLogThroughTheCliAndTheHub(string preset, ulong seed)
    {
        string file = Path.Combine(Path.GetTempPath(), $"bufferlab-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, ScenarioTexts.Preset(preset));
        var output = new StringWriter();
        Assert.Equal(0, BufferLab.Simulator.Cli.CliApp.Run(["run", file, "--seed", $"{seed}", "--format", "json"], output, new StringWriter()));
        string cli = System.Text.Json.JsonDocument.Parse(output.ToString()).RootElement.GetProperty("eventLogSha256").GetString()!;

        await using var client = await ConnectAsync();
        Assert.Equal(cli, await client.HashAtEndAsync(new OpenRequest(null, Seed: seed, Yaml: await File.ReadAllTextAsync(file))));
        File.Delete(file);
    }

    [Fact]
    public async Task PlayBackwardGoesBackToStepZero()
    {
        await using var client = await ConnectAsync();
        string session = await client.OpenAsync(new OpenRequest("readme-case3", Seed: 1));
        await client.InvokeAsync("Seek", session, 14);
        await client.InvokeAsync("Speed", session, 1000.0);

        await client.InvokeAsync("PlayBackward", session);
        int step = 14;
        for (int poll = 0; poll < 200 && step > 0; poll++)
        {
            await Task.Delay(25);
            step = (await client.InvokeAsync<SessionStatus>("Status", session)).Step;
        }

        Assert.Equal(0, step);
        Assert.Contains("no session 'no-such-session'", await client.RefusedAsync("PlayBackward", "no-such-session"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHashIsAbsentUntilTheRunReachesItsEnd()
    {
        await using var client = await ConnectAsync();
        string session = await client.OpenAsync(new OpenRequest("readme-case3", Seed: 1));

        SessionStatus status = await client.InvokeAsync<SessionStatus>("Status", session);

        Assert.False(status.Finished);
        Assert.Null(status.EventLogSha256);
    }

    [Fact]
    public async Task AFileNamingASeedRunsWithItWhenTheRequestGivesNone()
    {
        await using var client = await ConnectAsync();

        SessionInfo info = await client.InvokeAsync<SessionInfo>("Open", new OpenRequest(null, Yaml: ScenarioTexts.KeepZipf(8, seed: 31)));

        Assert.Equal("31", info.Seed);
        Assert.Equal("keep-zipf", info.Scenario);
    }

    [Fact]
    public async Task ABadFileIsRefusedWithEachProblemByLineAndColumn()
    {
        await using var client = await ConnectAsync();

        string error = await client.RefusedAsync("Open", new OpenRequest(null, Seed: 1, Yaml: ScenarioTexts.BrokenKeep()));

        Assert.Contains("the scenario file has 2 problems:", error, StringComparison.Ordinal);
        Assert.Contains("line 8, column 9: options.mode: ", error, StringComparison.Ordinal);
        Assert.Contains("line 10, column 15: options.maxBuffers: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileNestedSixtyThousandLevelsIsRefusedAndTheServerGoesOn()
    {
        await using var client = await ConnectAsync();
        string deep = "name: deep\ndescription: d\nsystem: keep\njunk: " + new string('[', 60_000) + new string(']', 60_000) + "\n";

        string error = await client.RefusedAsync("Open", new OpenRequest(null, Seed: 1, Yaml: deep));

        Assert.Contains("line 4, column 38: the file nests deeper than 32 levels", error, StringComparison.Ordinal);
        Assert.Equal(14, (await client.InvokeAsync<SessionInfo>("Open", new OpenRequest("readme-case3", Seed: 1))).LastStep);
    }

    [Fact]
    public async Task SixteenMebibyteFuseRequestsRunOrStopWithTheReasonNeverAnUnexpectedError()
    {
        await using var client = await ConnectAsync();
        const string fuseMax = "name: fuse-max\ndescription: d\nsystem: fuse\noptions:\n  mode: vectored\n  maxMessageSize: 16MiB\n  maxPagesLimit: 4096\n  fileBytes: 32MiB\n"
            + "phases:\n  - load: closed\n    clients: 1\n    sequentialWriteBytes: 32MiB\n    ioBytes: 16MiB\n";
        SessionInfo info = await client.InvokeAsync<SessionInfo>("Open", new OpenRequest(null, Seed: 1, Yaml: fuseMax));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using IAsyncEnumerator<Engine.Telemetry.Frame> frames = client.StreamAsync<Engine.Telemetry.Frame>("Frames", info.SessionId, stop.Token).GetAsyncEnumerator(stop.Token);
        await client.InvokeAsync("Seek", info.SessionId, info.LastStep);

        Engine.Telemetry.Frame last;
        do
        {
            Assert.True(await frames.MoveNextAsync());
            last = frames.Current;
        }
        while (last.Step != info.LastStep);

        Assert.True(last.Finished);
        if (Engine.Systems.Fuse.FuseChannel.LargestMessage < (16 << 20) + 4096)
        {
            Assert.True(last.Summary.Contains("stopped: a 16777216-byte WRITE does not fit one message of this machine's socket pair", StringComparison.Ordinal), last.Summary);
        }
    }
}
