using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>The FUSE page in a real browser: 4 MiB writes, vectored against contiguous, and the #189 bug.</summary>
[Collection(BrowserTests.Name)]
public sealed class FusePageTests(BrowserFixture browser)
{
    private static double MiB(string text) => Expect.Bytes(text) / (1 << 20);

    [Fact]
    public async Task FourMiBWritesCostLessHeapPerOpVectoredThanContiguous()
    {
        IPage page = await browser.OpenAsync("/fuse?scenario=fuse-large-write-4m&seed=1&mode=vectored&compare=contiguous-large");
        await page.GetByTestId("speed-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "full speed" }).ClickAsync();
        await page.GetByTestId("play-button").ClickAsync();
        await page.WaitForFunctionAsync("() => { const t = document.querySelector('[data-testid=step-counter]').textContent; const m = t.match(/step (\\d+) of (\\d+)/); return m && m[1] === m[2]; }", null, new() { Timeout = 60_000 });

        await Expect.TextAsync(page.GetByTestId("ops"), "8");
        await Expect.TextAsync(page.GetByTestId("compare-ops"), "8");
        double vectored = MiB(await page.GetByTestId("heap-per-op").InnerTextAsync());
        double contiguous = MiB(await page.GetByTestId("compare-heap-per-op").InnerTextAsync());
        Assert.True(contiguous > vectored + 3, $"heap per op: vectored {vectored} MiB, contiguous {contiguous} MiB");
        Assert.Equal("0.00", await page.GetByTestId("copies-per-byte").InnerTextAsync());
        Assert.Equal("1.00", await page.GetByTestId("compare-copies-per-byte").InnerTextAsync());
        await Expect.TextAsync(page.GetByTestId("kernel-max-pages"), "1024");
        Assert.Equal(2, await Expect.ChartLinesAsync(page, "chart-heap"));
        await BrowserFixture.ScreenshotAsync(page, "fuse-large-write-vectored-vs-contiguous");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Bug189ShowsEmptyReadsOnSixtyFourKiBPages()
    {
        IPage page = await browser.OpenAsync("/fuse?scenario=fuse-bug-189&seed=1&step=end&mode=master&compare=vectored");

        await Expect.TextAsync(page.GetByTestId("errors"), "2");
        await Expect.TextAsync(page.GetByTestId("kernel-max-pages"), "256");
        await Expect.TextAsync(page.GetByTestId("compare-kernel-max-pages"), "16");
        await Expect.TextAsync(page.GetByTestId("compare-errors"), "0");
        Assert.Equal(2, await Expect.ChartLinesAsync(page, "chart-heap")); // drawn before the screenshot
        await BrowserFixture.ScreenshotAsync(page, "fuse-bug-189");
        await page.CloseAsync();
    }
}
