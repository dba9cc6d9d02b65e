using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>
/// A presenter and a follower in two browser contexts, wherever they were opened (one instance, or two
/// behind the balancer): the follower follows the link, sees each Step within a second, answers the
/// room quiz (counted on the presenter's page, and marked on the follower's when the presenter steps),
/// explores away without moving the presenter, and comes back.
/// </summary>
internal static class PresentingFlow
{
    /// <summary>README Case 3 at step 9 in teaching mode: step 10 turns Back → Front, step 11 stays in Front.</summary>
    public const string StartPath = "/stratum?scenario=readme-case3&seed=1&step=9&teach=1";

    /// <summary>Runs the flow; <paramref name="openFollower"/> opens the follow link in the follower's context and waits for its circuit.</summary>
    public static async Task RunAsync(IPage presenter, Func<string, Task<IPage>> openFollower, string shotPrefix)
    {
        await presenter.GetByTestId("present-button").ClickAsync();
        ILocator link = presenter.GetByTestId("follow-link");
        await link.WaitForAsync();
        string followPath = (await link.GetAttributeAsync("href"))!;
        string shortCode = await presenter.GetByTestId("short-code").InnerTextAsync();
        Assert.Matches("^/follow/[A-Za-z0-9_-]{22}$", followPath);
        Assert.Matches("^[A-Z2-9]{3} [A-Z2-9]{3}$", shortCode);

        IPage follower = await openFollower(followPath);
        await Expect.TextAsync(follower.GetByTestId("presenter-bar"), "Following " + shortCode);
        await Expect.TextAsync(follower.GetByTestId("step-counter"), "step 9 of 14");
        await Expect.TextAsync(presenter.GetByTestId("follower-count-text"), "1 following");

        // The presenter steps: the follower's slot map changes within a second of the presenter's.
        double followedMs = await FollowLatency.MeasureAsync(presenter, follower, "slot-map-text", () => presenter.GetByTestId("step-button").ClickAsync());
        await Expect.TextAsync(follower.GetByTestId("step-counter"), "step 10 of 14");
        Assert.Equal(await presenter.GetByTestId("slot-map-text").InnerTextAsync(), await follower.GetByTestId("slot-map-text").InnerTextAsync());
        Assert.True(followedMs < 1_000, $"the follower's slot map changed {followedMs:F0} ms after the presenter's");

        // The room quiz: the follower predicts step 11 (it stays in Front); the presenter's count has it.
        await follower.GetByTestId("teach-mode-front").CheckAsync();
        await Expect.TextAsync(follower.GetByTestId("quiz-sent"), "Your answer for step 11 is in");
        await Expect.TextAsync(presenter.GetByTestId("quiz-total"), "1");
        await Expect.TextAsync(presenter.GetByTestId("quiz-count-front"), "1");
        await BrowserFixture.ScreenshotAsync(presenter, shotPrefix + "-presenter-quiz");
        await presenter.GetByTestId("step-button").ClickAsync(); // the reveal
        await Expect.TextAsync(follower.GetByTestId("teach-verdict"), "✔ Right — step 11");
        await Expect.TextAsync(presenter.GetByTestId("quiz-right"), "1");
        await BrowserFixture.ScreenshotAsync(follower, shotPrefix + "-follower-revealed");

        // A follower's controls are the presenter's: a Step click changes nothing and says why.
        await follower.GetByTestId("step-button").ClickAsync();
        await Expect.TextAsync(follower.GetByTestId("presenting-notice"), "Explore from here");
        await Expect.TextAsync(follower.GetByTestId("step-counter"), "step 11 of 14");

        // "Explore from here" forks at step 11: the follower steps on, the presenter does not move.
        await follower.GetByTestId("explore-button").ClickAsync();
        await Expect.TextAsync(follower.GetByTestId("presenter-bar"), "Exploring on your own");
        await follower.GetByTestId("step-button").ClickAsync();
        await follower.GetByTestId("step-button").ClickAsync();
        await Expect.TextAsync(follower.GetByTestId("step-counter"), "step 13 of 14");
        await Task.Delay(500);
        await Expect.TextAsync(presenter.GetByTestId("step-counter"), "step 11 of 14");

        // "Back to the presenter" rejoins at the presenter's step.
        await follower.GetByTestId("back-to-presenter").ClickAsync();
        await Expect.TextAsync(follower.GetByTestId("step-counter"), "step 11 of 14");
        await presenter.GetByTestId("back-button").ClickAsync();
        await Expect.TextAsync(follower.GetByTestId("step-counter"), "step 10 of 14");

        // Ending tells the follower, who keeps the view.
        await presenter.GetByTestId("end-presentation").ClickAsync();
        await Expect.TextAsync(follower.GetByTestId("follow-status"), "The presenter ended this presentation");
        await follower.CloseAsync();
    }
}
