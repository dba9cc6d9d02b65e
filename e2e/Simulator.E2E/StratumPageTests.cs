using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>The Stratum page in a real browser: step through pool modes, URL state, charts, keyboard, alarms, errors.</summary>
[Collection(BrowserTests.Name)]
public sealed class StratumPageTests(BrowserFixture browser)
{
    private static ILocator SlotMapText(IPage page) => page.GetByTestId("slot-map-text");

    [Fact]
    public async Task ReadmeCase3StepsToTheDocumentedEndAndBack()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case1");
        await page.GetByTestId("scenario-picker").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "README Case 3: Back → Front → Back" }).ClickAsync();
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 0 of 14");

        for (int i = 0; i < 14; i++)
        {
            await page.GetByTestId("step-button").ClickAsync();
        }

        await Expect.TextAsync(SlotMapText(page), "9a3456bc BACK MODE");
        Assert.Equal("a93456bc BACK MODE", await page.GetByTestId("documented-text").InnerTextAsync());
        Assert.Equal(["9", "a", "3", "4", "5", "6", "b", "c"], await page.Locator("[data-testid=slot-map] .slot-label").AllInnerTextsAsync());
        await BrowserFixture.ScreenshotAsync(page, "stratum-readme-case3-end");

        await page.GetByTestId("back-button").ClickAsync();
        await Expect.TextAsync(SlotMapText(page), "9a3456b- SWITCH TO BACK MODE");
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("step=12", "9a3456-- FRONT MODE", "step 12 of 14")]
    [InlineData("step=10", "9-345678 SWITCH TO FRONT MODE", "step 10 of 14")]
    [InlineData("step=end", "9a3456bc BACK MODE", "step 14 of 14")]
    public async Task AUrlOpensExactlyThatStep(string step, string slotMap, string counter)
    {
        IPage page = await browser.OpenAsync($"/stratum?scenario=readme-case3&seed=1&{step}");

        await Expect.TextAsync(SlotMapText(page), slotMap);
        await Expect.TextAsync(page.GetByTestId("step-counter"), counter);
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheUrlFollowsTheViewSoItCanBeShared()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case2&seed=3");
        await page.GetByTestId("step-button").ClickAsync();
        await page.GetByTestId("step-button").ClickAsync();

        // history.replaceState changes the URL without a navigation event, so poll it.
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('step') === '2'");
        string url = await page.EvaluateAsync<string>("() => location.href");
        Assert.Contains("scenario=readme-case2", url, StringComparison.Ordinal);
        Assert.Contains("seed=3", url, StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task ChartsAreDrawnWithPlotly()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=random&seed=5&step=200");

        await page.Locator("[data-testid=chart-messages] .main-svg").First.WaitForAsync();
        int traces = await page.Locator("[data-testid=chart-messages] .scatterlayer .trace").CountAsync();
        Assert.Equal(3, traces);
        Assert.Equal(3, await page.Locator("[data-testid=chart-bytes] .scatterlayer .trace").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "stratum-random-charts");
        await page.CloseAsync();
    }

    [Fact]
    public async Task KeyboardStepsAndPlays()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1");
        await page.Locator("h1").ClickAsync();

        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 3 of 14");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 2 of 14");

        await page.Keyboard.PressAsync(" ");
        await Expect.TextAsync(page.GetByTestId("play-button"), "Pause");
        await page.Keyboard.PressAsync(" ");
        await Expect.TextAsync(page.GetByTestId("play-button"), "Play");
        await page.CloseAsync();
    }

    [Fact]
    public async Task AnOverlapStopsPlayAndShowsABannerLinkingToItsStep()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=bug-b4-overlap&seed=1");
        await page.GetByTestId("speed-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "256 steps/s" }).ClickAsync();
        await page.GetByTestId("play-button").ClickAsync();

        await Expect.TextAsync(page.GetByTestId("alarm-banner"), "Overlap at step 16");
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 16 of 16");
        await Expect.TextAsync(page.GetByTestId("play-button"), "Play");
        Assert.Contains("CORRUPT", await page.GetByTestId("explanation").InnerTextAsync() + await page.Locator("[data-testid=byte-map] .corrupt").GetAttributeAsync("title"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "stratum-bug-b4-alarm");

        await page.GetByTestId("reset-button").ClickAsync();
        await page.GetByTestId("alarm-link").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 16 of 16");
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheFixedVariantRunsTheSameWorkloadWithoutTheBug()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=bug-b4-overlap&seed=1&step=end");
        await Expect.TextAsync(page.GetByTestId("alarm-banner"), "Overlap");

        await page.GetByTestId("variant-fixed").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("state-panel"), "Fixed");
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 16 of 16");
        Assert.Equal(0, await page.GetByTestId("alarm-banner").CountAsync());
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('variant') === 'fixed'");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ABadOpStringShowsWhereItIsWrongAndChangesNothing()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=5");
        await page.GetByTestId("more-options-toggle").ClickAsync(); // the op string is folded while a preset runs
        await page.GetByTestId("ops-input").FillAsync("+1:5 +2");
        await page.GetByTestId("ops-run").ClickAsync();

        await Expect.TextAsync(page.GetByTestId("ops-error"), "column 6: '+2': expected ID:N");
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 5 of 14");

        await page.GetByTestId("ops-input").FillAsync("+1:5 c1>2 -1 +3:5");
        await page.GetByTestId("ops-run").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 0 of 4");
        Assert.Equal(0, await page.GetByTestId("ops-error").CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheHomePageListsTheSystemsAndOpensTheDefaultScenario()
    {
        IPage page = await browser.OpenAsync("/", interactive: false);
        Assert.Equal(4, await page.Locator("[data-testid=system-list] .system").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "home");

        await page.GetByTestId("play-default").ClickAsync();
        await page.WaitForSelectorAsync("html[data-interactive]");
        await Expect.TextAsync(SlotMapText(page), "-------- BACK MODE");
        await page.CloseAsync();
    }
}
