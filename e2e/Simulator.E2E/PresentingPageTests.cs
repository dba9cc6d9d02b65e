using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>Presenting on one dashboard (no Redis): a presenter and a follower in two browser contexts.</summary>
[Collection(BrowserTests.Name)]
public sealed class PresentingPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task AFollowerFollowsAnswersTheQuizExploresAndComesBack()
    {
        IPage presenter = await browser.OpenAsync(PresentingFlow.StartPath);

        await PresentingFlow.RunAsync(presenter, async path => await browser.OpenAsync(path), "presenting-solo");
        await presenter.CloseAsync();
    }

    [Fact]
    public async Task APresenterWhoClosedTheTabResumesFromAnotherAndTheFollowerCatchesUp()
    {
        // One browser (its owner cookie), two tabs one after the other.
        IBrowserContext presentersBrowser = await browser.Browser.NewContextAsync(new() { BaseURL = browser.Server.Address.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        IPage presenter = await presentersBrowser.NewPageAsync();
        await presenter.GotoAsync("/stratum?scenario=readme-case3&seed=1&step=2");
        await presenter.WaitForSelectorAsync("html[data-interactive]");
        await presenter.GetByTestId("present-button").ClickAsync();
        string followPath = (await presenter.GetByTestId("follow-link").GetAttributeAsync("href"))!;
        IPage follower = await browser.OpenAsync(followPath);
        await Expect.TextAsync(follower.GetByTestId("follow-status"), "the presenter is at step 2");

        await presenter.CloseAsync(); // the tab is gone: the presentation waits (its grace period)
        // Lost 6 s after the tab's connection went down (a tab closed without its goodbye only drops the connection).
        await Expect.TextAsync(follower.GetByTestId("follow-status"), "Presenter lost, retrying", timeoutMs: 30_000);
        IPage again = await presentersBrowser.NewPageAsync();
        await again.GotoAsync("/stratum?scenario=readme-case3&seed=1");
        await again.WaitForSelectorAsync("html[data-interactive]");
        await again.GetByTestId("resume-presenting").ClickAsync();
        await again.WaitForSelectorAsync("[data-testid=presenter-bar][data-role=presenter]");
        await Expect.TextAsync(again.GetByTestId("step-counter"), "step 2 of 14");
        await again.GetByTestId("step-button").ClickAsync();

        await Expect.TextAsync(follower.GetByTestId("follow-status"), "the presenter is at step 3");
        await Expect.TextAsync(follower.GetByTestId("step-counter"), "step 3 of 14");
        await again.GetByTestId("end-presentation").ClickAsync();
        await follower.CloseAsync();
        await presentersBrowser.CloseAsync();
    }

    [Fact]
    public async Task TheFollowerGetsThePresentersOptionsAndPages()
    {
        IPage presenter = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=4");
        await presenter.GetByTestId("present-button").ClickAsync();
        string followPath = (await presenter.GetByTestId("follow-link").GetAttributeAsync("href"))!;
        IPage follower = await browser.OpenAsync(followPath);
        await Expect.TextAsync(follower.GetByTestId("step-counter"), "step 4 of 14");

        // Another variant (another session on the presenter's side): the follower's view reopens on it, at the same step.
        await presenter.GetByTestId("variant-fixed").ClickAsync();
        await follower.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('variant') === 'fixed'");
        await Expect.TextAsync(follower.GetByTestId("step-counter"), "step 4 of 14");
        Assert.Equal(await presenter.GetByTestId("slot-map-text").InnerTextAsync(), await follower.GetByTestId("slot-map-text").InnerTextAsync());

        // Another page (in the same tab: the presentation goes along): the follower's browser goes there too, still following.
        await presenter.GetByTestId("nav-keep").ClickAsync();
        await presenter.WaitForURLAsync(url => url.Contains("/keep", StringComparison.Ordinal));
        await Expect.TextAsync(presenter.GetByTestId("step-counter"), "step 0 of");
        await presenter.GetByTestId("step-button").ClickAsync();
        await follower.WaitForURLAsync(url => url.Contains("/keep?", StringComparison.Ordinal) && url.Contains("follow=", StringComparison.Ordinal), new() { Timeout = 20_000 });
        await Expect.TextAsync(follower.GetByTestId("step-counter"), "step 1 of", timeoutMs: 20_000);
        await Expect.TextAsync(follower.GetByTestId("follow-status"), "the presenter is at step 1");
        await follower.CloseAsync();
        await presenter.CloseAsync();
    }

    /// <summary>The presenter's and the follower's pages at 1440, 1024 and 390 px, light and dark: screenshots to look at, and neither scrolls sideways.</summary>
    [Theory]
    [InlineData(1440, 900)]
    [InlineData(1024, 768)]
    [InlineData(390, 844)]
    public async Task ThePresenterAndFollowerBarsFitEveryWidth(int width, int height)
    {
        foreach (string theme in new[] { "light", "dark" })
        {
            IPage presenter = await browser.NewPageAsync(width, height, theme);
            await presenter.GotoAsync(PresentingFlow.StartPath);
            await presenter.WaitForSelectorAsync("html[data-interactive]");
            await presenter.GetByTestId("present-button").ClickAsync();
            string followPath = (await presenter.GetByTestId("follow-link").GetAttributeAsync("href"))!;
            IPage follower = await browser.NewPageAsync(width, height, theme);
            await follower.GotoAsync(followPath);
            await follower.WaitForSelectorAsync("html[data-interactive]");
            await Expect.TextAsync(follower.GetByTestId("follow-status"), "the presenter is at step 9");
            await follower.GetByTestId("teach-mode-front").CheckAsync();
            await Expect.TextAsync(presenter.GetByTestId("quiz-count-front"), "1");

            foreach ((IPage page, string role) in new[] { (presenter, "presenter"), (follower, "follower") })
            {
                await page.EvaluateAsync("() => window.scrollTo(0, 0)"); // the bar, at the top
                await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Screenshots, $"presenting-{role}-{width}-{theme}.png") });
                int scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"the {role}'s page at {width} px ({theme}) scrolls sideways: {scrollWidth} px wide");
            }

            await presenter.GetByTestId("end-presentation").ClickAsync();
            await follower.CloseAsync();
            await presenter.CloseAsync();
        }
    }

    [Fact]
    public async Task AMistypedCodeSaysSoAndTheFormFollowsATypedShortCode()
    {
        IPage page = await browser.OpenAsync("/follow/ZZZZZZ", interactive: false);
        await Expect.TextAsync(page.GetByTestId("follow-problem"), "no presentation has the code 'ZZZZZZ'");
        await page.WaitForSelectorAsync("[data-circuit=on]"); // typed into the circuit's form (a prerendered field is replaced as the circuit starts)

        await page.GetByTestId("follow-code").FillAsync("not a code");
        await page.GetByTestId("follow-go").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("follow-problem"), "is not a presentation code");

        IPage presenter = await browser.OpenAsync("/stratum?scenario=readme-case2&seed=1&step=3");
        await presenter.GetByTestId("present-button").ClickAsync();
        string shortCode = await presenter.GetByTestId("short-code").InnerTextAsync();
        await page.GetByTestId("follow-code").FillAsync(shortCode.ToLowerInvariant());
        await page.GetByTestId("follow-go").ClickAsync();
        await page.WaitForFunctionAsync("() => location.pathname === '/stratum' && location.search.includes('scenario=readme-case2')"); // the circuit navigates: no load event
        await Expect.TextAsync(page.GetByTestId("follow-status"), "the presenter is at step 3");
        await presenter.GetByTestId("end-presentation").ClickAsync();
        await presenter.CloseAsync();
        await page.CloseAsync();
    }
}
