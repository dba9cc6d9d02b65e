using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>The filestore page in a real browser: the seed's repro with both readers, real memory figures, the cache drop, a cut file.</summary>
[Collection(BrowserTests.Name)]
public sealed class FilestorePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheSeedReproRunsWithBothReadersAndShowsPeakResidentBytes()
    {
        IPage page = await browser.OpenAsync("/filestore?scenario=filestore-seed-repro&seed=1&reader=std&compare=mmap");
        await Expect.TextAsync(page.GetByTestId("step-counter"), "of 4696");
        await page.GetByTestId("speed-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "full speed" }).ClickAsync();
        await page.GetByTestId("play-button").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 4696 of 4696", timeoutMs: 120_000);

        await Expect.TextAsync(page.GetByTestId("blocks-read"), "2,220");
        await Expect.TextAsync(page.GetByTestId("compare-blocks-read"), "2,220");
        double stdPeak = Expect.Bytes(await page.GetByTestId("peak-resident").InnerTextAsync());
        double mmapPeak = Expect.Bytes(await page.GetByTestId("compare-peak-resident").InnerTextAsync());
        Assert.InRange(stdPeak, 1 << 20, 64L << 20); // at most the 64 MiB written
        Assert.InRange(mmapPeak, 1 << 20, 64L << 20);
        Assert.Equal(2, await Expect.ChartLinesAsync(page, "chart-resident"));
        await BrowserFixture.ScreenshotAsync(page, "filestore-seed-repro-both");

        await page.GetByTestId("drop-cache").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=resident]').textContent.trim().startsWith('0 ')", null, new() { Timeout = 10_000 });
        await Expect.TextAsync(page.Locator(".mud-snackbar"), "Dropped the file's cached pages:"); // a confirmation, with the figures
        Assert.EndsWith("0 B after.", (await page.Locator(".mud-snackbar").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task ACutFileIsChangedForPreadAndAnErrorForMmap()
    {
        IPage page = await browser.OpenAsync("/filestore?scenario=filestore-truncated-file&seed=1&step=end&reader=std&compare=mmap");

        await Expect.TextAsync(page.GetByTestId("truncated"), "file cut to 6.1 MiB");
        await Expect.TextAsync(page.GetByTestId("status-12"), "12 changed × 264");
        await Expect.TextAsync(page.GetByTestId("compare-status-10"), "10 error × 260");
        await Expect.TextAsync(page.GetByTestId("compare-status-12"), "12 changed × 4");
        await BrowserFixture.ScreenshotAsync(page, "filestore-truncated");

        await page.GetByTestId("side-by-side").ClickAsync();
        await page.GetByTestId("compare-run-panel").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('compare') === 'none'");
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(1440, "light")]
    [InlineData(1440, "dark")]
    [InlineData(390, "light")]
    [InlineData(390, "dark")]
    public async Task MmapMapsTheWholeFileWhileStdMapsNothingAndProcessMemoryIsLabelledShared(int width, string theme)
    {
        IPage page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, BaseURL = browser.Server.Address.ToString() });
        page.SetDefaultTimeout(30_000);
        await page.Context.AddCookiesAsync([new() { Name = "bufferlab.theme", Value = theme, Url = browser.Server.Address.ToString() }]); // the theme's cookie, as theme.js sets it
        await page.GotoAsync("/filestore?scenario=filestore-seed-repro&seed=1&step=60&reader=std&compare=mmap", new() { Timeout = 60_000 });
        await page.WaitForSelectorAsync("html[data-interactive]", new() { Timeout = 60_000 });

        double mmapPeak = Expect.Bytes(await page.GetByTestId("compare-rb-mapped-peak").InnerTextAsync());
        double stdPeak = Expect.Bytes(await page.GetByTestId("rb-mapped-peak").InnerTextAsync());
        Assert.True(mmapPeak >= 4L << 30, $"mmap mapped {mmapPeak} bytes at the peak"); // the whole 4 GiB file, per read in flight
        Assert.Equal(0, stdPeak);
        Assert.True(Expect.Bytes(await page.GetByTestId("rb-buffers-peak").InnerTextAsync()) >= 256 << 10);
        await Expect.TextAsync(page.GetByTestId("reader-bytes-caption"), "mmap maps 8 GiB at the peak (the whole 4 GiB file per read in flight) to read 256 KiB blocks; std maps nothing");
        await Expect.TextAsync(page.GetByTestId("compare-reader-bytes-caption"), "mmap maps 8 GiB at the peak");
        await Expect.TextAsync(page.GetByTestId("process-shared"), "Dashboard process (shared by both runs and all sessions)");
        await Expect.TextAsync(page.Locator("figure:has([data-testid=chart-rss]) figcaption"), "dashboard process (shared by both runs and all sessions)");
        Assert.Equal(2, await Expect.ChartLinesAsync(page, "chart-rss")); // RSS anon and file, once: not one pair per reader
        Assert.Equal(2, await Expect.ChartLinesAsync(page, "chart-resident")); // the file's pages are each run's own
        Assert.Equal(theme, await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        if (width <= 390)
        {
            Assert.True(await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth") <= 390, "the page scrolls sideways at 390 px");
        }

        await BrowserFixture.ScreenshotAsync(page, $"filestore-reader-bytes-{width}-{theme}");
        await page.GetByTestId("run-panel").Locator(".reader-bytes").ScreenshotAsync(new() { Path = Path.Combine(Paths.Screenshots, $"filestore-reader-bytes-{width}-{theme}-std.png") });
        await page.GetByTestId("compare-run-panel").Locator(".reader-bytes").ScreenshotAsync(new() { Path = Path.Combine(Paths.Screenshots, $"filestore-reader-bytes-{width}-{theme}-mmap.png") });
        await page.CloseAsync();
    }
}
