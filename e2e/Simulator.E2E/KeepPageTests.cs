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
        await Expect.TextAsync(page.GetByTestId("fanout-flight").First, "served 100 requests");
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
        Assert.True(await page.GetByTestId("lane").CountAsync() > 100);
        await BrowserFixture.ScreenshotAsync(page, "keep-herd-compare");

        await page.GetByTestId("compare-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "nothing" }).ClickAsync();
        await page.GetByTestId("compare-run-panel").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.WaitForFunctionAsync("() => !new URLSearchParams(location.search).has('compare')");
        await page.CloseAsync();
    }

    [Fact]
    public async Task OverloadShowsRefusalsAndABadUrlSaysWhatWasWrong()
    {
        IPage page = await browser.OpenAsync("/keep?scenario=keep-overload&seed=1&step=end&mode=legacy&compare=nope");

        await Expect.TextAsync(page.GetByTestId("notice"), "compare 'nope' is not one of current, legacy, coalescing");
        await Expect.TextAsync(page.GetByTestId("status-503"), "503 × 384");
        Assert.Equal(2, await Expect.ChartLinesAsync(page, "chart-status")); // 200 and 503
        await BrowserFixture.ScreenshotAsync(page, "keep-overload-legacy");
        await page.CloseAsync();
    }
}
