using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Web.Hubs;
using BufferLab.Simulator.Web.Tests.Sessions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BufferLab.Simulator.Web.Tests.Hubs;

/// <summary>Opening scenario files over the hub, and the event-log hash it reports at the end of a run.</summary>
public sealed class SimulationHubScenarioFileTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private Task<RawSignalRClient> ConnectAsync() => RawSignalRClient.ConnectAsync(factory.Server, SimulationHub.Path);

    [Theory]
    [InlineData("readme-case3", 1UL)]
    [InlineData("keep-zipf", 3UL)]
    [InlineData("fuse-mixed", 5UL)]
    public async Task APresetOpenedByItsTextAndByItsNameEndsWithTheRunnersEventLog(string preset, ulong seed)
    {
        await using var client = await ConnectAsync();
        using var run = new Run(ScenarioCatalog.Find(preset)!, seed);
        run.RunToEnd();

        string byName = await HashAtEndAsync(client, new { scenario = preset, seed });
        string byText = await HashAtEndAsync(client, new { yaml = ScenarioTexts.Preset(preset), seed });

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
        Assert.Equal(cli, await HashAtEndAsync(client, new { yaml = await File.ReadAllTextAsync(file), seed }));
        File.Delete(file);
    }

    [Fact]
    public async Task PlayBackwardGoesBackToStepZero()
    {
        await using var client = await ConnectAsync();
        var (info, _) = await client.InvokeAsync("Open", new { scenario = "readme-case3", seed = 1 });
        string session = info!["sessionId"]!.GetValue<string>();
        await client.InvokeAsync("Seek", session, 14);
        await client.InvokeAsync("Speed", session, 1000.0);

        Assert.Null((await client.InvokeAsync("PlayBackward", session)).Error);
        int step = 14;
        for (int poll = 0; poll < 200 && step > 0; poll++)
        {
            await Task.Delay(25);
            step = (await client.InvokeAsync("Status", session)).Result!["step"]!.GetValue<int>();
        }

        Assert.Equal(0, step);
        Assert.NotNull((await client.InvokeAsync("PlayBackward", "no-such-session")).Error);
    }

    [Fact]
    public async Task TheHashIsAbsentUntilTheRunReachesItsEnd()
    {
        await using var client = await ConnectAsync();
        var (info, _) = await client.InvokeAsync("Open", new { scenario = "readme-case3", seed = 1 });
        string session = info!["sessionId"]!.GetValue<string>();

        var (status, _) = await client.InvokeAsync("Status", session);

        Assert.False(status!["finished"]!.GetValue<bool>());
        Assert.Null(status["eventLogSha256"]);
    }

    [Fact]
    public async Task AFileNamingASeedRunsWithItWhenTheRequestGivesNone()
    {
        await using var client = await ConnectAsync();

        var (info, error) = await client.InvokeAsync("Open", new { yaml = ScenarioTexts.KeepZipf(8, seed: 31) });

        Assert.Null(error);
        Assert.Equal("31", info!["seed"]!.GetValue<string>());
        Assert.Equal("keep-zipf", info["scenario"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABadFileIsRefusedWithEachProblemByLineAndColumn()
    {
        await using var client = await ConnectAsync();

        var (_, error) = await client.InvokeAsync("Open", new { yaml = ScenarioTexts.BrokenKeep(), seed = 1 });

        Assert.Contains("the scenario file has 2 problems:", error, StringComparison.Ordinal);
        Assert.Contains("line 8, column 9: options.mode: ", error, StringComparison.Ordinal);
        Assert.Contains("line 10, column 15: options.maxBuffers: ", error, StringComparison.Ordinal);
    }

    private static async Task<string> HashAtEndAsync(RawSignalRClient client, object request)
    {
        var (info, error) = await client.InvokeAsync("Open", request);
        Assert.Null(error);
        string session = info!["sessionId"]!.GetValue<string>();
        Assert.Null((await client.InvokeAsync("Seek", session, info["lastStep"]!.GetValue<int>())).Error);
        var (status, _) = await client.InvokeAsync("Status", session);
        Assert.True(status!["finished"]!.GetValue<bool>());
        await client.InvokeAsync("Close", session);
        return status["eventLogSha256"]!.GetValue<string>();
    }
}
