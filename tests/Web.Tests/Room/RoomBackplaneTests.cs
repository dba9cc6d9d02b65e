using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.TestSupport;
using BufferLab.Simulator.Web.Hubs;
using BufferLab.Simulator.Web.Tests.Hubs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace BufferLab.Simulator.Web.Tests.Room;

/// <summary>
/// Two instances of a room on a real redis-server of their own: what one protects the other reads
/// (a page prerendered by one starts its circuit on the other), and a hub message to a group or
/// to all reaches a client connected to the other, also when Redis came up after an instance.
/// </summary>
public sealed class RoomBackplaneTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task DataProtectedByOneInstanceIsReadByTheOther()
    {
        await using RoomPair room = await RoomPair.StartAsync();
        (RoomDashboard a, RoomDashboard b) = (room.A, room.B);

        string payload = Protector(a).Protect("step 12 of readme-case3");

        Assert.Equal("step 12 of readme-case3", Protector(b).Unprotect(payload));
    }

    [Fact]
    public async Task InstancesOfAnotherRedisCannotReadIt()
    {
        // The converse, so the test above cannot pass for a reason other than the key ring in Redis
        // (instances alone on one machine share the user's key folder, so they are no converse).
        await using RedisServer redis = await RedisServer.StartAsync();
        await using RedisServer other = await RedisServer.StartAsync();
        await using var a = new RoomDashboard(redis.ConnectionString, "a");
        await using var b = new RoomDashboard(other.ConnectionString, "b");

        string payload = Protector(a).Protect("step 12 of readme-case3");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(b).Unprotect(payload));
    }

    [Fact]
    public async Task AGroupMessageFromOneInstanceReachesAClientOfTheOther()
    {
        await using RoomPair room = await RoomPair.StartAsync();
        (RoomDashboard a, RoomDashboard b) = (room.A, room.B);

        await AssertCrossesAsync(from: a, to: b);
    }

    [Fact]
    public async Task AnInstanceStartedBeforeRedisSharesOnceRedisIsUp()
    {
        int port = RedisServer.FreePort();
        await using var early = new RoomDashboard($"127.0.0.1:{port}", "early");
        Assert.False(early.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected);
        await using HubConnection beforeRedis = await HubClient.ConnectAsync(early); // accepted while Redis is down

        await using RedisServer redis = await RedisServer.StartAsync(port);
        Assert.True(early.CanSubscribeWithin(TimeSpan.FromSeconds(30)), "the early instance did not reconnect to Redis");
        await using var late = new RoomDashboard(redis.ConnectionString, "late");

        await AssertCrossesAsync(from: early, to: late);
        await AssertCrossesAsync(from: late, to: early);
        Assert.Equal(HubConnectionState.Connected, beforeRedis.State);
    }

    [Fact]
    public async Task AnInstanceStopsCleanlyWhenPresentingsRedisConnectionIsDisposedFirst()
    {
        // Each hub's backplane disposes the connection it is given: were it presenting's, one
        // disposed before the other (as a container may, in the reverse order of making them)
        // would make the other's stop throw (a fresh-clone CI failed there).
        await using RedisServer redis = await RedisServer.StartAsync();
        var app = new RoomDashboard(redis.ConnectionString, "a");
        Assert.True(app.CanSubscribeWithin(TimeSpan.FromSeconds(30)), "the instance did not connect to Redis");
        await AssertCrossesAsync(from: app, to: app);
        await app.Services.GetRequiredService<IConnectionMultiplexer>().DisposeAsync();

        Exception? stopping = await Record.ExceptionAsync(() => app.DisposeAsync().AsTask());

        Assert.Null(stopping);
    }

    /// <summary>A client that negotiates (long polling through the test server), so it knows its connection id.</summary>
    private static async Task<HubConnection> ConnectWithIdAsync(RoomDashboard app)
    {
        HubConnection connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, SimulationHub.Path.TrimStart('/')), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static IDataProtector Protector(RoomDashboard app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("room-test");

    /// <summary>A client connected to <paramref name="to"/> joins a group there and receives what <paramref name="from"/> sends to the group and to all.</summary>
    private static async Task AssertCrossesAsync(RoomDashboard from, RoomDashboard to)
    {
        await using HubConnection client = await ConnectWithIdAsync(to);
        // A call answered means the server has taken the connection (its handshake answer may come first).
        await client.InvokeAsync("Close", (await client.InvokeAsync<SessionInfo>("Open", new OpenRequest("readme-case3", Seed: 1))).SessionId);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var toAll = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.On<string>("RoomGroupTest", text => received.TrySetResult(text));
        client.On<string>("RoomAllTest", text => toAll.TrySetResult(text));
        string connectionId = client.ConnectionId!;
        await to.Services.GetRequiredService<IHubContext<SimulationHub>>().Groups.AddToGroupAsync(connectionId, "room-test");

        var sender = from.Services.GetRequiredService<IHubContext<SimulationHub>>();
        await sender.Clients.Group("room-test").SendAsync("RoomGroupTest", "to the group");
        await sender.Clients.All.SendAsync("RoomAllTest", "to all");

        Assert.Equal("to the group", await received.Task.WaitAsync(Wait));
        Assert.Equal("to all", await toAll.Task.WaitAsync(Wait));
    }
}
