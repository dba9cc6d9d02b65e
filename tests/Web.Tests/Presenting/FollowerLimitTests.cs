using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.TestSupport;
using BufferLab.Simulator.Web.Presenting;
using BufferLab.Simulator.Web.Sessions;
using StackExchange.Redis;

namespace BufferLab.Simulator.Web.Tests.Presenting;

/// <summary>
/// MaxFollowersPerPresentation counts each follower once: this instance's own followers (known now)
/// plus the other instances' reported counts. The room harness found this instance's followers
/// counted twice (its own report in the store, and again locally), so one instance refused the
/// 501st follower of a presentation that takes 1,000.
/// </summary>
public sealed class FollowerLimitTests : IAsyncDisposable
{
    private static readonly PresentingOptions ThreeFollowers = new() { MaxFollowersPerPresentation = 3, Heartbeat = TimeSpan.FromMilliseconds(100) };

    private readonly SessionRegistry _sessions = new();
    private readonly MemoryPresentationStore _store = new();
    private readonly PresentingService _service;

    public FollowerLimitTests()
    {
        _service = new PresentingService(_store, new CollectingFrameSender(), ThreeFollowers, "a");
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        _sessions.Dispose();
    }

    [Fact]
    public async Task ThisInstancesFollowersCountOnceAgainstTheLimit()
    {
        await using PresenterFeed feed = await StartAsync();
        using IDisposable first = _service.CountFollower(feed.Code), second = _service.CountFollower(feed.Code);
        Assert.Equal(2, await _store.CountFollowersAsync(feed.Code)); // this instance reported its two

        await _service.CheckRoomAsync(feed.Code); // 2 of 3: room for one more

        using IDisposable third = _service.CountFollower(feed.Code);
        PresentingException full = await Assert.ThrowsAsync<PresentingException>(() => _service.CheckRoomAsync(feed.Code));
        Assert.Contains("has 3 followers", full.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherInstancesReportedFollowersCountToo()
    {
        await using PresenterFeed feed = await StartAsync();
        using IDisposable mine = _service.CountFollower(feed.Code);
        await _service.CheckRoomAsync(feed.Code);

        await _store.ReportFollowersAsync(feed.Code, "b", 2, TimeSpan.FromMinutes(1));
        Assert.Equal(2, await _store.CountFollowersAsync(feed.Code, exceptInstance: "a"));
        PresentingException full = await Assert.ThrowsAsync<PresentingException>(() => _service.CheckRoomAsync(feed.Code));
        Assert.Contains("has 3 followers", full.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisLeavesOutTheAskingInstancesReport()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var store = new RedisPresentationStore(connection);
        var first = new PresentedFrame(PresentationCodes.NewCode(), PresentationCodes.NewShortCode(), 0, "/stratum", "scenario=readme-case3&seed=1&step=0", 0, PresentedFrame.Live, 0, null);
        await store.CreateAsync(first, "presenter", TimeSpan.FromMinutes(1));
        await store.ReportFollowersAsync(first.Code, "a", 500, TimeSpan.FromMinutes(1));
        await store.ReportFollowersAsync(first.Code, "b", 7, TimeSpan.FromMinutes(1));

        Assert.Equal(507, await store.CountFollowersAsync(first.Code));
        Assert.Equal(7, await store.CountFollowersAsync(first.Code, exceptInstance: "a"));
    }

    private Task<PresenterFeed> StartAsync()
    {
        SimulationSession session = _sessions.Open("page:test", new ScenarioRequest("readme-case3"), 1);
        return _service.StartAsync("presenter", new PresentedView(session, "/stratum", "scenario=readme-case3&seed=1&step=0", 0));
    }
}
