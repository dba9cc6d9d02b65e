using BufferLab.Simulator.Web.Hubs;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BufferLab.Simulator.Web.Tests.Hubs;

/// <summary>The hub's validation and limits, through the real app in a TestServer.</summary>
public sealed class SimulationHubTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private Task<RawSignalRClient> ConnectAsync() => RawSignalRClient.ConnectAsync(factory.Server, SimulationHub.Path);

    private static async Task<string> OpenAsync(RawSignalRClient client, object request)
    {
        var (result, error) = await client.InvokeAsync("Open", request);
        Assert.Null(error);
        return result!["sessionId"]!.GetValue<string>();
    }

    [Fact]
    public async Task OpenAnswersWithTheSessionSeedAndLastStep()
    {
        await using var client = await ConnectAsync();
        var (result, error) = await client.InvokeAsync("Open", new { scenario = "readme-case3", seed = 7 });

        Assert.Null(error);
        Assert.Equal("readme-case3", result!["scenario"]!.GetValue<string>());
        Assert.Equal("7", result["seed"]!.GetValue<string>());
        Assert.Equal(14, result["lastStep"]!.GetValue<int>());
    }

    [Fact]
    public async Task OpenRunsAKeepPresetInTheModeAsked()
    {
        await using var client = await ConnectAsync();
        var (result, error) = await client.InvokeAsync("Open", new { scenario = "keep-job-start-herd", seed = 1, mode = "coalescing" });

        Assert.Null(error);
        Assert.Equal("keep", result!["system"]!.GetValue<string>());
        Assert.Equal(1860, result["lastStep"]!.GetValue<int>());
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
    public async Task BadOpenRequestsGetAClearError(string request, string message)
    {
        await using var client = await ConnectAsync();
        var (_, error) = await client.InvokeAsync("Open", System.Text.Json.JsonDocument.Parse(request).RootElement);

        Assert.NotNull(error);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlCallsAreValidatedAndChangeNothingWhenRefused()
    {
        await using var client = await ConnectAsync();
        string session = await OpenAsync(client, new { scenario = "readme-case3", seed = 1 });

        Assert.Null((await client.InvokeAsync("Step", session, 3)).Error);
        Assert.Contains("step count must be from 1 to 50000, got 0", (await client.InvokeAsync("Step", session, 0)).Error, StringComparison.Ordinal);
        Assert.Contains("step must be from 0 to 14, got 15", (await client.InvokeAsync("Seek", session, 15)).Error, StringComparison.Ordinal);
        Assert.Contains("speed must be from 0.25 to 100000", (await client.InvokeAsync("Speed", session, 1e12)).Error, StringComparison.Ordinal);
        Assert.Contains("no session 'missing'", (await client.InvokeAsync("Step", "missing", 1)).Error, StringComparison.Ordinal);
        Assert.Null((await client.InvokeAsync("Back", session)).Error);
        Assert.Null((await client.InvokeAsync("Close", session)).Error);
        Assert.Contains("no session", (await client.InvokeAsync("Step", session, 1)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionBelongsToTheConnectionThatOpenedIt()
    {
        await using var alice = await ConnectAsync();
        await using var bob = await ConnectAsync();
        string session = await OpenAsync(alice, new { scenario = "readme-case1", seed = 1 });

        var (_, error) = await bob.InvokeAsync("Step", session, 1);

        Assert.Contains("belongs to another connection", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConnectionMayOpenABoundedNumberOfSessions()
    {
        await using var client = await ConnectAsync();
        for (int i = 0; i < 4; i++)
        {
            await OpenAsync(client, new { scenario = "readme-case1", seed = i });
        }

        var (_, error) = await client.InvokeAsync("Open", new { scenario = "readme-case1", seed = 9 });
        Assert.Contains("you have 4 sessions open, the limit per connection", error, StringComparison.Ordinal);
    }
}
