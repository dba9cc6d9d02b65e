using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using BufferLab.Simulator.Engine.Telemetry;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Web.Tests.Hubs;

/// <summary>Every hub method, its validation, ownership, limits and the frame stream, through the SignalR .NET client against the real app.</summary>
public sealed class SimulationHubTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private Task<HubConnection> ConnectAsync() => HubClient.ConnectAsync(factory);

    [Fact]
    public async Task OpenAnswersWithTheSessionSeedAndLastStep()
    {
        await using var client = await ConnectAsync();
        SessionInfo info = await client.InvokeAsync<SessionInfo>("Open", new OpenRequest("readme-case3", Seed: 7));

        Assert.Equal("readme-case3", info.Scenario);
        Assert.Equal("stratum-v2", info.System);
        Assert.Equal("7", info.Seed);
        Assert.Equal(14, info.LastStep);
    }

    [Fact]
    public async Task ASeedMayComeAsDigitsInAStringAsJavaScriptClientsSendLargeOnes()
    {
        await using var client = await ConnectAsync();
        SessionInfo info = await client.InvokeAsync<SessionInfo>("Open", System.Text.Json.JsonDocument.Parse("""{"scenario":"readme-case3","seed":"18446744073709551615"}""").RootElement);

        Assert.Equal("18446744073709551615", info.Seed);
    }

    [Fact]
    public async Task OpenRunsAKeepPresetInTheModeAsked()
    {
        await using var client = await ConnectAsync();
        SessionInfo info = await client.InvokeAsync<SessionInfo>("Open", new OpenRequest("keep-job-start-herd", Seed: 1, Mode: "coalescing"));

        Assert.Equal("keep", info.System);
        Assert.Equal(1860, info.LastStep);
    }

    [Fact]
    public async Task OpenRunsAnOpString()
    {
        await using var client = await ConnectAsync();
        SessionInfo info = await client.InvokeAsync<SessionInfo>("Open", new OpenRequest(null, Ops: "+1:5 +2:5 -1", Capacity: 40, Seed: 1));

        Assert.Equal("stratum-v2", info.System);
        Assert.Equal(3, info.LastStep);
    }

    [Theory]
    [InlineData("null", "Open takes one argument")]
    [InlineData("""{"scenario":"nope"}""", "unknown scenario 'nope'")]
    [InlineData("""{"ops":"+1:5 +2"}""", "op string: column 6: '+2': expected ID:N")]
    [InlineData("""{"ops":"+1:5","capacity":-1}""", "capacity must be from 0 to 1048576 bytes, got -1")]
    [InlineData("""{"scenario":"random","variant":"x"}""", "variant must be 'faithful' or 'fixed'")]
    [InlineData("""{"scenario":"keep-zipf","mode":"fast"}""", "mode must be 'current', 'legacy' or 'coalescing', got 'fast'")]
    [InlineData("""{"scenario":"readme-case1","mode":"legacy"}""", "mode applies to keep and fuse scenarios; 'readme-case1' is a stratum-v2 scenario")]
    [InlineData("""{"scenario":"filestore-sequential","reader":"direct"}""", "reader must be 'std' or 'mmap', got 'direct'")]
    [InlineData("""{"scenario":"keep-zipf","reader":"mmap"}""", "reader applies to filestore scenarios; 'keep-zipf' is a keep scenario")]
    [InlineData("""{"scenario":"random","seed":-1}""", "seed must be a whole number from 0 to 18446744073709551615, got -1")]
    [InlineData("""{"scenario":"random","seed":"seven"}""", "seed must be a whole number from 0 to 18446744073709551615, got \"seven\"")]
    [InlineData("""{"ops":"+1:5","capacity":1.5}""", "capacity must be a whole number, got 1.5")]
    [InlineData("""{"scenario":"fuse-mixed","vectoredReads":"yes"}""", "vectoredReads must be true or false, got \"yes\"")]
    [InlineData("""["readme-case3"]""", "Open takes an object of named fields")]
    public async Task BadOpenRequestsGetAClearError(string request, string message)
    {
        await using var client = await ConnectAsync();

        string error = await client.RefusedAsync("Open", System.Text.Json.JsonDocument.Parse(request).RootElement);

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlCallsAreValidatedAndChangeNothingWhenRefused()
    {
        await using var client = await ConnectAsync();
        string session = await client.OpenAsync(new OpenRequest("readme-case3", Seed: 1));

        await client.InvokeAsync("Step", session, 3);
        Assert.Contains("step count must be from 1 to 50000, got 0", await client.RefusedAsync("Step", session, 0), StringComparison.Ordinal);
        Assert.Contains("step must be from 0 to 14, got 15", await client.RefusedAsync("Seek", session, 15), StringComparison.Ordinal);
        Assert.Contains("speed must be from 0.25 to 100000", await client.RefusedAsync("Speed", session, 1e12), StringComparison.Ordinal);
        Assert.Contains("speed must be a number, got null", await client.RefusedAsync("Speed", session, null), StringComparison.Ordinal);
        Assert.Contains("step count must be a whole number, got \"3\"", await client.RefusedAsync("Step", session, "3"), StringComparison.Ordinal);
        Assert.Contains("step must be a whole number, got 2.5", await client.RefusedAsync("Seek", session, 2.5), StringComparison.Ordinal);
        Assert.Contains("no session 'missing'", await client.RefusedAsync("Step", "missing", 1), StringComparison.Ordinal);
        Assert.Equal(3, (await client.InvokeAsync<SessionStatus>("Status", session)).Step);

        await client.InvokeAsync("Back", session);
        Assert.Equal(2, (await client.InvokeAsync<SessionStatus>("Status", session)).Step);
        await client.InvokeAsync("Reset", session);
        Assert.Equal(0, (await client.InvokeAsync<SessionStatus>("Status", session)).Step);

        await client.InvokeAsync("Close", session);
        Assert.Contains("no session", await client.RefusedAsync("Step", session, 1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusReportsTheCheckpointsWithinTheirBudget()
    {
        await using var client = await ConnectAsync();
        string session = await client.OpenAsync(new OpenRequest("random-long", Seed: 1));
        await client.InvokeAsync("Seek", session, 5_000);
        await client.InvokeAsync("Back", session);

        System.Text.Json.JsonElement status = await client.InvokeAsync<System.Text.Json.JsonElement>("Status", session);
        Assert.Equal(4_999, status.GetProperty("step").GetInt32());
        Assert.InRange(status.GetProperty("checkpointCount").GetInt32(), 2, 5_000);
        long budget = status.GetProperty("checkpointBudgetBytes").GetInt64();
        Assert.Equal(CheckpointBudget.Default.Bytes, budget);
        Assert.InRange(status.GetProperty("checkpointBytes").GetInt64(), 1, budget);
        Assert.InRange(status.GetProperty("checkpointInterval").GetInt32(), 32, 5_000);

        SessionStatus parsed = await client.InvokeAsync<SessionStatus>("Status", session); // what the CLI's remote reads
        Assert.Equal(4_999, parsed.Step);
        Assert.False(parsed.Finished);
        Assert.Equal(budget, parsed.CheckpointBudgetBytes);
    }

    [Fact]
    public async Task PlayRunsToTheEndAtTheSpeedAskedAndPauseStopsIt()
    {
        await using var client = await ConnectAsync();
        string session = await client.OpenAsync(new OpenRequest("readme-case3", Seed: 1));

        await client.InvokeAsync("Speed", session, 0.25);
        await client.InvokeAsync("Play", session);
        Assert.True((await client.InvokeAsync<SessionStatus>("Status", session)).Playing);
        await client.InvokeAsync("Pause", session);
        SessionStatus paused = await client.InvokeAsync<SessionStatus>("Status", session);
        Assert.False(paused.Playing);
        Assert.True(paused.Step < paused.LastStep);

        await client.InvokeAsync("Speed", session, 100_000.0);
        await client.InvokeAsync("Play", session);
        SessionStatus status = await WaitAsync(client, session, s => !s.Playing);
        Assert.True(status.Finished);
        Assert.NotNull(status.EventLogSha256);
    }

    [Fact]
    public async Task FramesStreamTheStateNowThenEachChange()
    {
        await using var client = await ConnectAsync();
        string session = await client.OpenAsync(new OpenRequest("readme-case3", Seed: 1));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using IAsyncEnumerator<Frame> frames = client.StreamAsync<Frame>("Frames", session, stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await frames.MoveNextAsync());
        Assert.Equal(0, frames.Current.Step);
        Assert.Equal(14, frames.Current.LastStep);

        await client.InvokeAsync("Seek", session, 14);
        Frame last = frames.Current;
        while (last.Step != 14 && await frames.MoveNextAsync())
        {
            last = frames.Current;
        }

        Assert.True(last.Finished);
        Assert.StartsWith("9a3456bc BACK MODE", last.Summary, StringComparison.Ordinal);
        Assert.NotEmpty(last.Metrics);
    }

    [Fact]
    public async Task ASessionBelongsToTheConnectionThatOpenedIt()
    {
        await using var alice = await ConnectAsync();
        await using var bob = await ConnectAsync();
        string session = await alice.OpenAsync(new OpenRequest("readme-case1", Seed: 1));

        Assert.Contains("belongs to another connection", await bob.RefusedAsync("Step", session, 1), StringComparison.Ordinal);
        Assert.Contains("belongs to another connection", await bob.RefusedAsync("Status", session), StringComparison.Ordinal);
        Assert.Contains("belongs to another connection", await bob.RefusedAsync("Close", session), StringComparison.Ordinal);
        var stream = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(async () =>
        {
            await foreach (Frame _ in bob.StreamAsync<Frame>("Frames", session))
            {
            }
        });
        Assert.Contains("belongs to another connection", stream.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await alice.InvokeAsync<SessionStatus>("Status", session)).Step);
    }

    [Fact]
    public async Task AConnectionMayOpenABoundedNumberOfSessions()
    {
        await using var client = await ConnectAsync();
        for (ulong i = 0; i < 4; i++)
        {
            await client.OpenAsync(new OpenRequest("readme-case1", Seed: i));
        }

        Assert.Contains("you have 4 sessions open, the limit per connection", await client.RefusedAsync("Open", new OpenRequest("readme-case1", Seed: 9)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionsCloseWithTheirConnection()
    {
        await using var alice = await ConnectAsync();
        string session;
        await using (HubConnection gone = await ConnectAsync())
        {
            session = await gone.OpenAsync(new OpenRequest("readme-case1", Seed: 1));
        }

        string error = "";
        for (int poll = 0; poll < 100 && !error.Contains("no session", StringComparison.Ordinal); poll++)
        {
            error = await alice.RefusedAsync("Status", session);
            await Task.Delay(20);
        }

        Assert.Contains($"no session '{session}'", error, StringComparison.Ordinal);
    }

    private static async Task<SessionStatus> WaitAsync(HubConnection client, string session, Func<SessionStatus, bool> done)
    {
        SessionStatus status = await client.InvokeAsync<SessionStatus>("Status", session);
        for (int poll = 0; poll < 400 && !done(status); poll++)
        {
            await Task.Delay(25);
            status = await client.InvokeAsync<SessionStatus>("Status", session);
        }

        return status;
    }
}
