using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>Comparing any two scenarios of a system, the metric diff, and the "alive at the peak" panels.</summary>
[Collection(BrowserTests.Name)]
public sealed class ComparePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task TwoStratumPresetsShowBothRunsAndTheirDiff()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case1&seed=1&step=9&compareScenario=readme-case3");

        await Expect.TextAsync(page.GetByTestId("slot-map-text").First, "12345678 SWITCH TO ALLOC MODE");
        await Expect.TextAsync(page.GetByTestId("compare-slot-map-text"), "--345678 BACK MODE");
        ILocator heap = page.Locator("[data-testid=metric-row][data-metric='sv2.messages.heap']");
        Assert.Equal("true", await heap.GetAttributeAsync("data-differs"));
        Assert.Equal("−1", await Expect.RowOf(heap).GetByTestId("metric-diff-value").InnerTextAsync());
        Assert.Equal("false", await page.Locator("[data-testid=metric-row][data-metric='sv2.invariant_violations']").GetAttributeAsync("data-differs"));
        Assert.Equal(6, await Expect.ChartLinesAsync(page, "chart-messages")); // three lines per run, on one axis
        await BrowserFixture.ScreenshotAsync(page, "stratum-compare-presets");

        // A scenario of another system is refused, and the comparison stays.
        await page.GetByTestId("compare-scenario-input").FillAsync("keep-zipf");
        await page.GetByTestId("compare-scenario-apply").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("notice"), "is a Keepstore buffers scenario");
        await Expect.TextAsync(page.GetByTestId("compare-slot-map-text"), "--345678 BACK MODE");

        await page.GetByTestId("compare-scenario-input").FillAsync("readme-case2");
        await page.GetByTestId("compare-scenario-apply").ClickAsync();
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('compareScenario') === 'readme-case2'");
        Assert.Equal(0, await page.GetByTestId("notice").CountAsync());

        await page.GetByTestId("compare-scenario-clear").ClickAsync();
        await page.GetByTestId("metric-diff").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.CloseAsync();
    }

    [Fact]
    public async Task FaithfulAgainstFixedSideBySide()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=bug-b3-duplicate-index&seed=1&step=12");
        await page.GetByTestId("compare-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "fixed B1-B6" }).ClickAsync();
        await page.GetByTestId("compare-run").WaitForAsync();
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('compare') === 'fixed'");

        Assert.True(await page.Locator(".stage .slot.duplicate").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("[data-testid=compare-run] .slot.duplicate").CountAsync());
        Assert.Equal("true", await page.Locator("[data-testid=metric-row][data-metric='sv2.invariant_violations']").GetAttributeAsync("data-differs"));
        await BrowserFixture.ScreenshotAsync(page, "stratum-compare-faithful-fixed");
        await page.CloseAsync();
    }

    [Fact]
    public async Task TwoKeepPresetsOnOneAxisWithTheirDiff()
    {
        IPage page = await browser.OpenAsync("/keep?scenario=keep-job-start-herd&seed=1&step=300&mode=current&compareScenario=keep-zipf");

        await page.GetByTestId("compare-run-panel").WaitForAsync();
        Assert.Equal(4, await Expect.ChartLinesAsync(page, "chart-reads"));
        Assert.True(await page.GetByTestId("metric-row").CountAsync() >= 15);
        Assert.Equal("true", await page.Locator("[data-testid=metric-row][data-metric='keep.requests']").GetAttributeAsync("data-differs"));
        await page.GetByTestId("compare-peak-panel").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "keep-compare-presets");
        await page.CloseAsync();
    }

    [Fact]
    public async Task AliveAtThePeakListsHoldingsAndItsStepLinkJumps()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case1&seed=1&step=end");
        await Expect.TextAsync(page.GetByTestId("peak-summary"), "Peak 50 B (bytes of live slices, in the pool and on the heap), first reached at step 10 (9 µs virtual time): 10 things alive.");
        Assert.Equal(10, await page.GetByTestId("peak-holding").CountAsync());
        Assert.Equal(2, await Expect.RowOf(page.GetByTestId("peak-holding")).Filter(new() { HasText = "heap (Alloc mode)" }).CountAsync());

        IPage case3 = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=end");
        await Expect.TextAsync(case3.GetByTestId("peak-step"), "step 8");
        await case3.GetByTestId("peak-step").ClickAsync();
        await Expect.TextAsync(case3.GetByTestId("step-counter"), "step 8 of 14");
        await Expect.TextAsync(case3.GetByTestId("slot-map-text"), "12345678 BACK MODE");
        await page.CloseAsync();
        await case3.CloseAsync();
    }

    [Fact]
    public async Task ABigPeakIsBoundedAndTheComparedPeakJumpsToItsMoment()
    {
        IPage page = await browser.OpenAsync("/keep?scenario=keep-job-start-herd&seed=1&step=800&mode=current&compare=coalescing");
        Assert.Equal(12, await page.GetByTestId("peak-holding").CountAsync());
        await Expect.TextAsync(page.GetByTestId("peak-more"), "more");

        string before = await page.GetByTestId("step-counter").InnerTextAsync();
        await page.GetByTestId("compare-peak-step").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=step-counter]').innerText !== {System.Text.Json.JsonSerializer.Serialize(before)}");
        await page.CloseAsync();
    }
}
