using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>The keepstore page in a real browser: the job-start herd in two modes, side by side, lanes and fan-out.</summary>
[Collection(BrowserTests.Name)]
public sealed class KeepPageTests(BrowserFixture browser)
{
    private static async Task PlayToTheEndAsync(IPage page, string lastStep)
    {
        await page.GetByTestId("speed-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "full speed" }).ClickAsync();
        await page.GetByTestId("play-button").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("step-counter"), $"step {lastStep} of {lastStep}", timeoutMs: 60_000);
    }

    /// <summary>
    /// Like <see cref="BrowserFixture.OpenAsync"/>, at <paramref name="width"/> px and in <paramref name="theme"/>, but allowing a
    /// minute for the first response: a run opened at its end simulates both whole runs before the page is sent.
    /// </summary>
    [Fact]
    public async Task TheHerdReadsEveryBlockPerRequestTodayAndOncePerBlockWithCoalescing()
    {
        IPage page = await browser.OpenAsync("/keep?scenario=keep-job-start-herd&seed=1&mode=current");
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 0 of 4736");
        await Expect.TextAsync(page.GetByTestId("lanes-empty"), "No request has arrived yet");

        await PlayToTheEndAsync(page, "4736");
        await Expect.TextAsync(page.GetByTestId("volume-reads"), "400");
        await Expect.TextAsync(page.GetByTestId("status-200"), "200 × 400");
        await BrowserFixture.ScreenshotAsync(page, "keep-herd-current-end");

        await page.GetByTestId("mode-coalescing").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 1860 of 1860"); // the same moment: past its end
        await Expect.TextAsync(page.GetByTestId("volume-reads"), "4");
        await Expect.TextAsync(page.GetByTestId("fanout-served").First, "100 requests");
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('mode') === 'coalescing'");
        await BrowserFixture.ScreenshotAsync(page, "keep-herd-coalescing-end");
        await page.CloseAsync();
    }

    [Fact]
    public async Task TwoModesRunSideBySideOnOneSeededWorkload()
    {
        IPage page = await browser.OpenAsync("/keep?scenario=keep-job-start-herd&seed=1&step=800&mode=current&compare=coalescing");

        await Expect.TextAsync(page.GetByTestId("volume-reads"), "93");
        await Expect.TextAsync(page.GetByTestId("compare-volume-reads"), "2");
        Assert.Equal(4, await Expect.ChartLinesAsync(page, "chart-reads")); // requests and volume reads, of both runs
        await Expect.TextAsync(page.GetByTestId("lanes-count"), "130 requests");
        await Expect.TextAsync(page.GetByTestId("compare-lanes-count"), "164 requests");
        await BrowserFixture.ScreenshotAsync(page, "keep-herd-compare");

        await page.GetByTestId("compare-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "nothing" }).ClickAsync();
        await page.GetByTestId("compare-run-panel").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.WaitForFunctionAsync("() => !new URLSearchParams(location.search).has('compare')");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ComparingWithCoalescingDrawsTwoFanOutsAndEveryRequestsLaneOnATimeAxis()
    {
        IPage page = await browser.OpenAsync("/keep?scenario=keep-job-start-herd&seed=1&step=end&mode=current&compare=coalescing", timeoutMs: 60_000);

        // Two fan-out diagrams, one scale: 400 single-request fetches against 4 fetches of 100.
        await Expect.TextAsync(page.GetByTestId("fanout-reads"), "400");
        await Expect.TextAsync(page.GetByTestId("compare-fanout-reads"), "4");
        Assert.Equal(2, await page.Locator("svg.fanout").CountAsync());
        Assert.Equal(4, await page.GetByTestId("compare-fanout-flight").CountAsync());
        Assert.All(await page.GetByTestId("compare-fanout-served").AllTextContentsAsync(), t => Assert.Equal("100 requests", t));
        await Expect.TextAsync(page.GetByTestId("fanout-more"), "and 397 more fetches, each served 1 request");
        string caption = await page.GetByTestId("fanout-caption").InnerTextAsync();
        Assert.StartsWith("What differs: current: 400 requests cost 400 volume reads", caption, StringComparison.Ordinal);
        Assert.DoesNotContain("ompare with coalescing", await page.GetByTestId("fanout-card").InnerTextAsync(), StringComparison.Ordinal);

        // Every request has a lane: the 400th is reached by scrolling, in both runs, under ticks of virtual time.
        await Expect.TextAsync(page.GetByTestId("lanes-count"), "400 requests");
        Assert.Equal(["0 s", "1 s", "2 s", "3 s", "4 s", "5 s"], await page.GetByTestId("lanes-tick").AllTextContentsAsync());
        Assert.Equal(await page.GetByTestId("lanes-tick").AllTextContentsAsync(), await page.GetByTestId("compare-lanes-tick").AllTextContentsAsync());
        foreach (string prefix in new[] { "", "compare-" })
        {
            Assert.True(await page.GetByTestId($"{prefix}lane").CountAsync() < 100, "lanes out of view are not rendered");
            await page.GetByTestId($"{prefix}request-lanes").EvaluateAsync("e => e.scrollTop = e.scrollHeight");
            ILocator last = page.Locator($"[data-testid={prefix}lane][data-request='400']");
            await last.WaitForAsync();
            Assert.Equal("200", await last.GetByTestId($"{prefix}lane-status").TextContentAsync());
        }

        // A bar's hover text says what the legend says.
        string legend = await page.GetByTestId("lanes-legend").InnerTextAsync();
        string? hover = await page.Locator("[data-testid=compare-lane][data-request='400'] .bar.streaming").GetAttributeAsync("title");
        Assert.StartsWith("#400 sending to the client: ", hover, StringComparison.Ordinal);
        Assert.Contains("sending to the client", legend, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "keep-herd-compare-end");
        await page.CloseAsync();
    }

    [Fact]
    public async Task AliveAtThePeakNamesEachCoalescingBuffersOwnHolders()
    {
        IPage page = await browser.OpenAsync("/keep?scenario=keep-job-start-herd&seed=1&step=end&mode=current&compare=coalescing", timeoutMs: 60_000);

        ILocator rows = Expect.RowOf(page.GetByTestId("compare-peak-holding"));
        await Expect.TextAsync(rows.First, "shared buffer #0");
        Assert.Equal(2, await rows.CountAsync());
        await Expect.TextAsync(rows.First, "42 reference(s)");
        await Expect.TextAsync(rows.First, "and 36 more"); // 6 named + 36 = the 42 references
        await Expect.TextAsync(rows.Nth(1), "request 102 (client-10)");
        Assert.DoesNotContain("request 1 (", await rows.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task AtPhoneWidthTheLanesFanOutAndPeaksFitWithoutSidewaysScroll(string theme)
    {
        IPage page = await browser.OpenAsync("/keep?scenario=keep-job-start-herd&seed=1&step=800&mode=current&compare=coalescing", width: 390, theme: theme, timeoutMs: 60_000);
        Assert.Equal(theme, await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        await page.GetByTestId("compare-fanout").WaitForAsync();

        foreach (string id in new[] { "lanes-card", "fanout-card", "peak-panel", "compare-peak-panel" })
        {
            double[] box = await page.GetByTestId(id).EvaluateAsync<double[]>("e => [e.getBoundingClientRect().right, e.scrollWidth, e.clientWidth]");
            Assert.True(box[0] <= 390 && box[1] <= box[2], $"{id}: right edge {box[0]}, scrollWidth {box[1]} > clientWidth {box[2]}");
        }

        await BrowserFixture.ScreenshotAsync(page, $"keep-herd-compare-390-{theme}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task OverloadShowsRefusalsAndABadUrlSaysWhatWasWrong()
    {
        IPage page = await browser.OpenAsync("/keep?scenario=keep-overload&seed=1&step=end&mode=legacy&compare=nope");

        await Expect.TextAsync(page.GetByTestId("notice"), "compare must be 'none', 'current', 'legacy' or 'coalescing', got 'nope'; comparing with nothing");
        await Expect.TextAsync(page.GetByTestId("status-503"), "503 × 384");
        Assert.Equal(2, await Expect.ChartLinesAsync(page, "chart-status")); // 200 and 503
        await BrowserFixture.ScreenshotAsync(page, "keep-overload-legacy");
        await page.CloseAsync();
    }
}
