using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.TestSupport;
using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.Presenting;
using BufferLab.Simulator.Web.Tests.Hubs;
using BufferLab.Simulator.Web.Tests.Room;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BufferLab.Simulator.Web.Tests.Presenting;

/// <summary>
/// Presenting across two instances of a room on a real redis-server: a presentation made on one is
/// followed on the other (hub followers through the backplane's group, pages through the store's
/// channel), followers are counted across instances; and when Redis is down presenting says so
/// while solo sessions go on, and followers see the presenter lost.
/// </summary>
public sealed class RoomPresentingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AHubFollowerOnTheOtherInstanceReceivesThePresentersFramesThroughTheBackplane()
    {
        await using RoomPair room = await RoomPair.StartAsync();
        (RoomDashboard a, RoomDashboard b) = (room.A, room.B);
        await using HubConnection presenter = await HubClient.ConnectAsync(a);
        await using HubConnection follower = await HubClient.ConnectAsync(b);
        (string session, PresentationInfo info) = await PresentedMessages.PresentAsync(presenter);
        PresentedMessages received = PresentedMessages.Listen(follower);

        PresentedFrame first = await follower.InvokeAsync<PresentedFrame>("Follow", info.ShortCode);
        await presenter.InvokeAsync("Step", session, 5);

        PresentedFrame moved = await received.NextAsync(f => f.Frame?.Step == 5);
        Assert.Equal(info.Code, first.Code);
        Assert.Contains("step=5", moved.Query, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(a, info.Code, expected: 1));
    }

    [Fact]
    public async Task APageOnTheOtherInstanceFollowsAndFollowersAreCountedAcrossInstances()
    {
        await using RoomPair room = await RoomPair.StartAsync();
        (RoomDashboard a, RoomDashboard b) = (room.A, room.B);
        await using HubConnection presenter = await HubClient.ConnectAsync(a);
        await using HubConnection hubFollower = await HubClient.ConnectAsync(a);
        (string session, PresentationInfo info) = await PresentedMessages.PresentAsync(presenter);
        await hubFollower.InvokeAsync<PresentedFrame>("Follow", info.Code);
        await using var page = new PresentingCircuit(b.Services.GetRequiredService<PresentingService>(), new RunOwner());

        await page.FollowAsync(info.ShortCode);
        await presenter.InvokeAsync("Step", session, 3);

        await Eventually.Until(() => page.Following?.Latest.Step == 3);
        Assert.Equal(2, await CountAsync(a, info.Code, expected: 2));
        Assert.False(page.Following!.Lost);
    }

    [Fact]
    public async Task WithRedisDownSoloSessionsGoOnAndPresentingSaysItIsUnavailable()
    {
        await using var alone = new RoomDashboard($"127.0.0.1:{RedisServer.FreePort()}", "a");
        await using HubConnection client = await HubClient.ConnectAsync(alone);
        string session = await client.OpenAsync(new OpenRequest("readme-case3", Seed: 1));
        await client.InvokeAsync("Step", session, 2);

        string refused = await client.RefusedAsync("Present", session);

        Assert.Equal(2, (await client.InvokeAsync<SessionStatus>("Status", session)).Step);
        Assert.Contains("presenting is unavailable: Redis at 127.0.0.1:", refused, StringComparison.Ordinal);
        Assert.Contains("stepping on your own works as before", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenRedisGoesAwayAFollowerSeesThePresenterLost()
    {
        await using RoomPair room = await RoomPair.StartAsync();
        (RoomDashboard a, RoomDashboard b) = (room.A, room.B);
        await using HubConnection presenter = await HubClient.ConnectAsync(a);
        (string session, PresentationInfo info) = await PresentedMessages.PresentAsync(presenter);
        await using var page = new PresentingCircuit(b.Services.GetRequiredService<PresentingService>(), new RunOwner());
        await page.FollowAsync(info.Code);

        await room.Redis.DisposeAsync();

        await Eventually.Until(() => page.Following!.Lost);
        Assert.Contains("does not answer", page.Following!.Problem ?? "(no problem said)", StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(RoomDashboard app, string code, int expected)
    {
        IPresentationStore store = app.Services.GetRequiredService<IPresentationStore>();
        DateTime deadline = DateTime.UtcNow + Patience;
        int count;
        while ((count = await store.CountFollowersAsync(code)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return count;
    }
}
