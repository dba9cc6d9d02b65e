using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>Exports (a chart's CSV against the engine's samples, its table, PNGs of charts and maps) and the run history (save, list, reopen on the same step and view).</summary>
[Collection(BrowserTests.Name)]
public sealed class ExportAndHistoryTests(BrowserFixture browser)
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task AStratumChartsCsvIsTheEnginesSamples()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=end");
        await Expect.ChartLinesAsync(page, "chart-messages");

        string[][] csv = ParseCsv(await DownloadTextAsync(page, "chart-messages-csv"));
        using JsonDocument run = JsonDocument.Parse(await DownloadTextAsync(page, "export-run-json"));
        Dictionary<int, Dictionary<string, double>> samples = SamplesByStep(run);

        Assert.Equal(["step", "messages in the pool", "messages on the heap", "live slices"], csv[0]);
        Assert.Equal(15, csv.Length - 1);
        string[] metrics = ["sv2.messages.pool", "sv2.messages.heap", "sv2.live_slices"];
        foreach (string[] row in csv.Skip(1))
        {
            Dictionary<string, double> sample = samples[int.Parse(row[0], CultureInfo.InvariantCulture)];
            Assert.Equal(metrics.Select(m => sample[m]), row.Skip(1).Select(Number));
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task AKeepChartsCsvPointsAreTheEnginesSamplesOverVirtualTime()
    {
        IPage page = await browser.OpenAsync("/keep?scenario=keep-job-start-herd&seed=1&step=end&mode=current");
        await Expect.ChartLinesAsync(page, "chart-buffers");

        string[][] csv = ParseCsv(await DownloadTextAsync(page, "chart-buffers-csv"));
        using JsonDocument run = JsonDocument.Parse(await DownloadTextAsync(page, "export-run-json"));
        var points = SamplesByStep(run).Values.Select(s => (s["keep.time_ms"], s["arvados_keepstore_bufferpool_inuse_buffers"])).ToHashSet();

        Assert.Equal("virtual ms", csv[0][0]);
        Assert.Equal("in use", csv[0][1]);
        Assert.InRange(csv.Length - 1, 100, 400); // sampled to at most 400 points
        Assert.All(csv.Skip(1), row => Assert.Contains((Number(row[0]), Number(row[1])), points));
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheTableToggleShowsTheChartsPointsAsATable()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=end");
        await Expect.ChartLinesAsync(page, "chart-messages");
        ILocator toggle = page.GetByTestId("chart-messages-table-toggle");

        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter"); // keyboard first
        ILocator table = page.GetByTestId("chart-messages-table");
        await table.WaitForAsync();
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        Assert.True(await page.GetByTestId("chart-messages").IsHiddenAsync());
        Assert.Equal("Messages: pool vs heap, and live slices", await table.GetAttributeAsync("aria-label"));
        Assert.Equal(15, await table.Locator("tbody tr").CountAsync());
        Assert.Equal("14", await page.GetByTestId("chart-messages-table-x").Last.InnerTextAsync());
        Assert.NotNull(await page.GetByRole(AriaRole.Table, new() { Name = "Messages: pool vs heap, and live slices" }).ElementHandleAsync());
        await page.GetByTestId("chart-bytes-table-toggle").ClickAsync();
        await page.GetByTestId("chart-bytes-table").WaitForAsync();
        await page.GetByTestId("chart-bytes-table").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "stratum-chart-tables");
        await page.GetByTestId("theme-dark").CheckAsync();
        await page.WaitForSelectorAsync("html[data-theme=dark]");
        await BrowserFixture.ScreenshotAsync(page, "stratum-chart-tables-dark");

        await toggle.ClickAsync();
        await page.GetByTestId("chart-messages").WaitForAsync();
        Assert.Equal(0, await table.CountAsync());
        Assert.Equal(3, await Expect.ChartLinesAsync(page, "chart-messages"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task PngsOfAChartAndOfTheMapsAreRealPngs()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=12");
        await Expect.ChartLinesAsync(page, "chart-messages"); // (a flat first line, as chart-bytes has here, has no visible box to wait for)

        foreach (string button in new[] { "chart-messages-png", "slot-map-png", "byte-map-png" })
        {
            byte[] png = await DownloadBytesAsync(page, button);
            Assert.True(png.Length > 2_000, $"{button}: {png.Length} bytes");
            Assert.Equal(PngMagic, png[..8]);
            await File.WriteAllBytesAsync(Path.Combine(Paths.Screenshots, $"export-{button}.png"), png); // what a user gets, to look at
        }

        IPage keep = await browser.OpenAsync("/keep?scenario=keep-job-start-herd&seed=1&step=800&mode=current");
        byte[] grid = await DownloadBytesAsync(keep, "buffer-grid-png");
        Assert.Equal(PngMagic, grid[..8]);
        await File.WriteAllBytesAsync(Path.Combine(Paths.Screenshots, "export-buffer-grid-png.png"), grid);
        await keep.CloseAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task ASavedRunReopensFromTheHistoryOnTheSameStepAndView()
    {
        string name = $"herd vs coalescing {Guid.NewGuid():N}"[..32];
        IPage page = await browser.OpenAsync("/keep?scenario=keep-job-start-herd&seed=1&step=800&mode=current&compare=coalescing");
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 800 of 4736");

        await page.GetByTestId("save-run").ClickAsync();
        ILocator nameBox = page.GetByTestId("save-run-name");
        Assert.True(await nameBox.EvaluateAsync<bool>("e => e === document.activeElement")); // the form takes the focus
        await nameBox.FillAsync(name);
        await page.GetByTestId("save-run-notes").FillAsync("400 volume reads today;\n4 with #10541");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Screenshots, "keep-save-run-form.png") }); // the viewport: the form over the page
        await page.GetByTestId("save-run-submit").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("save-run-saved"), $"Saved “{name}”");

        await page.GetByTestId("save-run-history-link").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=history-heading][data-interactive]");
        await page.GetByTestId("history-search").FillAsync(name[..24]);
        ILocator row = page.GetByTestId("history-row").Filter(new() { HasText = name });
        await row.WaitForAsync();
        Assert.Equal(1, await page.GetByTestId("history-row").CountAsync());
        Assert.Equal("400 volume reads today;\n4 with #10541", await row.GetByTestId("history-notes").InnerTextAsync());
        Assert.Contains("800", await row.GetByTestId("history-step").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("not reopened yet", await row.GetByTestId("history-reproduced").InnerTextAsync());
        Assert.Equal("mode current · compare coalescing", await row.GetByTestId("history-view").InnerTextAsync());

        await row.GetByTestId("history-open").ClickAsync();
        await page.WaitForURLAsync("**/keep?**");
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 800 of 4736");
        Assert.Equal(2, await page.Locator("[data-testid$=run-panel]").CountAsync()); // compared with coalescing again
        ILocator banner = page.GetByTestId("reopened-banner");
        await Expect.TextAsync(banner, "reproduced exactly", timeoutMs: 30_000);
        Assert.Equal("true", await banner.GetAttributeAsync("data-reproduced"));
        await page.WaitForFunctionAsync("() => { const q = new URLSearchParams(location.search); return q.get('step') === '800' && q.get('compare') === 'coalescing' && q.get('mode') === 'current'; }");

        await page.GotoAsync("/history");
        await page.WaitForSelectorAsync("[data-testid=history-heading][data-interactive]");
        row = page.GetByTestId("history-row").Filter(new() { HasText = name });
        await Expect.TextAsync(row.GetByTestId("history-reproduced"), "✓ reproduced");
        await BrowserFixture.ScreenshotAsync(page, "history");
        await page.GetByTestId("theme-dark").CheckAsync();
        await page.WaitForSelectorAsync("html[data-theme=dark]");
        await BrowserFixture.ScreenshotAsync(page, "history-dark");

        // rename, then delete after confirming
        await row.GetByTestId("history-edit").ClickAsync();
        await page.GetByTestId("history-edit-name").FillAsync(name + " (kept)");
        await page.GetByTestId("history-edit-save").ClickAsync();
        row = page.GetByTestId("history-row").Filter(new() { HasText = name + " (kept)" });
        await row.WaitForAsync();
        await row.GetByTestId("history-delete").ClickAsync();
        await Expect.TextAsync(row.GetByTestId("history-confirm"), "This cannot be undone");
        await row.GetByTestId("history-delete-confirm").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("history-status"), "Deleted");
        Assert.Equal(0, await page.GetByTestId("history-row").Filter(new() { HasText = name }).CountAsync());
        await page.CloseAsync();
    }

    private static async Task<string> DownloadTextAsync(IPage page, string testId) => System.Text.Encoding.UTF8.GetString(await DownloadBytesAsync(page, testId));

    private static async Task<byte[]> DownloadBytesAsync(IPage page, string testId)
    {
        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync(), new() { Timeout = 60_000 });
        string path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>The run JSON's samples by step, each a metric name → value map.</summary>
    private static Dictionary<int, Dictionary<string, double>> SamplesByStep(JsonDocument run)
    {
        JsonElement samples = run.RootElement.GetProperty("samples");
        string[] columns = [.. samples.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];
        return samples.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray())
            .ToDictionary(r => (int)r[0], r => columns.Zip(r).ToDictionary(p => p.First, p => p.Second));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The chart CSVs here have no quoted fields.</summary>
    private static string[][] ParseCsv(string csv) => [.. csv.TrimEnd('\n').Split('\n').Select(line => line.Split(','))];
}
