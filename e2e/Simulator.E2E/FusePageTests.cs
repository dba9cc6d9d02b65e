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
    public async Task OnFourMiBWritesOnlyTheContiguousDaemonDrawsAHeapCopy()
    {
        IPage page = await browser.OpenAsync("/fuse?scenario=fuse-large-write-4m&seed=1&step=end&mode=vectored&compare=contiguous-large", timeoutMs: 60_000);

        ILocator copy = page.GetByTestId("compare-heap-copy");
        await Expect.TextAsync(copy, "copy 4 MiB");
        Assert.True(await copy.IsVisibleAsync());
        Assert.Equal(0, await page.GetByTestId("heap-copy").CountAsync());
        Assert.True(await page.GetByTestId("map-legend").IsVisibleAsync());
        Assert.True(await page.GetByTestId("compare-map-legend").IsVisibleAsync());
        Assert.Equal(["FUSE_BIG_WRITES", "FUSE_WRITEBACK_CACHE", "FUSE_MAX_PAGES"], await page.GetByTestId("init-flag").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.flag)"));
        Assert.Contains("7.34", await page.GetByTestId("init-protocol").InnerTextAsync(), StringComparison.Ordinal); // jacobsa speaks up to 7.34; Linux 6.18 offers 7.45

        string[] headings = [.. await page.Locator("h1, h2, h3, th, caption, legend, figcaption").AllInnerTextsAsync()];
        Assert.Contains(headings, h => h.Contains("PR #198 contiguous", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(headings, h => h.Contains("contiguous-large", StringComparison.OrdinalIgnoreCase));

        // The header is visible beside megabytes: the drawn fuse_in_header is at least 12 px wide.
        Assert.True((await page.GetByTestId("map-kernel").Locator("button.hdr").BoundingBoxAsync())!.Width >= 12);

        // Details as text: on hover, and on keyboard focus.
        await copy.HoverAsync();
        await Expect.TextAsync(page.GetByTestId("compare-map-details"), "ConsumeBytes copied 4 MiB");
        await page.GetByTestId("map-kernel").Locator("button.payload").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect.TextAsync(page.GetByTestId("map-details"), "block 0 · 1 MiB + 4 KiB");
        await BrowserFixture.ScreenshotAsync(page, "fuse-message-map-vectored-vs-contiguous");
        await page.CloseAsync();
    }

    [Fact]
    public async Task MasterCopiesNothingOnFourMiBWrites()
    {
        IPage page = await browser.OpenAsync("/fuse?scenario=fuse-large-write-4m&seed=1&step=end&mode=master&compare=contiguous-large", timeoutMs: 60_000);

        await Expect.TextAsync(page.GetByTestId("compare-heap-copy"), "copy 4 MiB");
        Assert.Equal(0, await page.GetByTestId("heap-copy").CountAsync());
        await Expect.TextAsync(page.GetByTestId("map-caption"), "handed on as a view (Data): no copy");
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(1024, "light")]
    [InlineData(390, "light")]
    [InlineData(390, "dark")]
    public async Task TheRunPanelsFitNarrowScreens(int width, string theme)
    {
        IPage page = await browser.OpenAsync("/fuse?scenario=fuse-large-write-4m&seed=1&step=end&mode=vectored&compare=contiguous-large", width: width, theme: theme, timeoutMs: 60_000);
        await Expect.TextAsync(page.GetByTestId("compare-heap-copy"), "copy 4 MiB");

        string[] wide = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.keep-runs, .keep-runs *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'hidden' && e.tagName !== 'svg' && !(e instanceof SVGElement))
              .map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
            """);
        Assert.Empty(wide);
        await BrowserFixture.ScreenshotAsync(page, $"fuse-{width}-{theme}");
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
