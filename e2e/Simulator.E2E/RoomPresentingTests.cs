using System.Diagnostics;
using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>
/// Presenting across two instances behind nginx, sharing through Redis: the presenter's browser on
/// instance 1, the follower's on instance 2. Then instance 2 dies: the follower's page reconnects
/// through the balancer to instance 1 and keeps following. One test, because killing an instance is
/// for good (the room goes on with one).
/// </summary>
[Collection(RoomGroup.Name)]
public sealed class RoomPresentingTests(RoomFixture room)
{
    [Fact]
    public async Task AFollowerOnTheOtherInstanceFollowsAndKeepsFollowingWhenItsInstanceDies()
    {
        IPage presenter = await room.OpenOnAsync("1", PresentingFlow.StartPath);
        string? onTwo = null;
        await PresentingFlow.RunAsync(presenter, async path =>
        {
            IPage page = await room.OpenOnAsync("2", path);
            onTwo = await page.GetByTestId("instance-name").InnerTextAsync();
            return page;
        }, "room-presenting");
        Assert.Equal("instance 1", await presenter.GetByTestId("instance-name").InnerTextAsync());
        Assert.Equal("instance 2", onTwo);

        // A new presentation; its follower on instance 2, which then dies.
        await presenter.ReloadAsync();
        await presenter.WaitForSelectorAsync("html[data-interactive]");
        await presenter.GetByTestId("present-button").ClickAsync();
        string followPath = (await presenter.GetByTestId("follow-link").GetAttributeAsync("href"))!;
        IPage follower = await room.OpenOnAsync("2", followPath);
        await Expect.TextAsync(follower.GetByTestId("follow-status"), "the presenter is at step 10"); // where the flow left it

        room.KillInstance("2");
        var clock = Stopwatch.StartNew();
        await presenter.GetByTestId("step-button").ClickAsync();
        await Expect.TextAsync(presenter.GetByTestId("step-counter"), "step 11 of 14");
        await Expect.TextAsync(follower.GetByTestId("instance-name"), "instance 1", timeoutMs: 30_000);
        await Expect.TextAsync(follower.GetByTestId("follow-status"), "the presenter is at step 11", timeoutMs: 30_000);
        await Expect.TextAsync(follower.GetByTestId("step-counter"), "step 11 of 14", timeoutMs: 10_000);
        long recoveredMs = clock.ElapsedMilliseconds;
        double followedMs = await FollowLatency.MeasureAsync(presenter, follower, "step-counter", () => presenter.GetByTestId("step-button").ClickAsync());
        await Expect.TextAsync(follower.GetByTestId("step-counter"), "step 12 of 14");
        Assert.True(followedMs < 1_000, $"after recovering, the follower showed step 12 {followedMs:F0} ms after the presenter");
        Assert.True(recoveredMs < 30_000, $"the follower took {recoveredMs} ms to follow again");
        await BrowserFixture.ScreenshotAsync(follower, "room-follower-after-instance-died");
        await follower.Context.CloseAsync();
        await presenter.Context.CloseAsync();
    }
}
