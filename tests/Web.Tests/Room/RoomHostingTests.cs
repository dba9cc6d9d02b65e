using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.TestSupport;
using BufferLab.Simulator.Web.Hubs;
using BufferLab.Simulator.Web.Room;
using BufferLab.Simulator.Web.Tests.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace BufferLab.Simulator.Web.Tests.Room;

/// <summary>
/// An instance alone is exactly as before; an instance of a room whose Redis is down (nothing
/// listens on its port) still starts, serves pages and hub sessions, and names itself.
/// </summary>
public sealed class RoomHostingTests
{
    [Fact]
    public async Task AloneNothingOfTheRoomIsThere()
    {
        await using var app = new RoomDashboard(redis: null, instance: "x");
        using HttpClient client = app.CreateClient();
        HttpResponseMessage page = await client.GetAsync("/stratum?scenario=readme-case3");
        string html = await page.Content.ReadAsStringAsync();

        Assert.True(page.IsSuccessStatusCode);
        Assert.False(page.Headers.Contains(RoomOptions.InstanceHeader));
        Assert.DoesNotContain("instance-name", html, StringComparison.Ordinal);
        Assert.False(app.Services.GetRequiredService<RoomOptions>().IsShared);
        Assert.Null(app.Services.GetService<IConnectionMultiplexer>());
        Assert.IsType<DefaultHubLifetimeManager<SimulationHub>>(app.Services.GetRequiredService<HubLifetimeManager<SimulationHub>>());
    }

    [Fact]
    public async Task WithRedisDownPagesAndHubSessionsGoOnAndTheInstanceIsNamed()
    {
        await using var app = new RoomDashboard(redis: $"127.0.0.1:{RedisServer.FreePort()}", instance: "down-1");
        using HttpClient client = app.CreateClient();
        HttpResponseMessage page = await client.GetAsync("/stratum?scenario=readme-case3");
        string html = await page.Content.ReadAsStringAsync();

        Assert.True(page.IsSuccessStatusCode, $"the page answered {(int)page.StatusCode}");
        Assert.Equal("down-1", Assert.Single(page.Headers.GetValues(RoomOptions.InstanceHeader)));
        Assert.Contains("data-testid=\"instance-name\"", html, StringComparison.Ordinal);
        Assert.Contains(">instance down-1<", html, StringComparison.Ordinal);
        Assert.False(app.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected);
        Assert.IsType<RoomHubLifetimeManager<SimulationHub>>(app.Services.GetRequiredService<HubLifetimeManager<SimulationHub>>());

        // A hub session (the CLI's remote) connects, steps and answers as alone.
        await using HubConnection hub = await HubClient.ConnectAsync(app);
        string session = await hub.OpenAsync(new OpenRequest("readme-case3", Seed: 1));
        await hub.InvokeAsync("Step", session, 2);
        Assert.Equal(2, (await hub.InvokeAsync<SessionStatus>("Status", session)).Step);
        Assert.Equal(HubConnectionState.Connected, hub.State);

        // What needs Redis fails at once, for its caller to say sharing is unavailable.
        var hubContext = app.Services.GetRequiredService<IHubContext<SimulationHub>>();
        await Assert.ThrowsAsync<RedisConnectionException>(() => hubContext.Clients.Group("g").SendAsync("Nothing").WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
