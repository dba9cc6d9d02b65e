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
        ILocator row = page.Locator("tr.history-row").Filter(new() { HasText = name });
        await row.WaitForAsync();
        Assert.Equal(1, await page.Locator("tr.history-row").CountAsync());
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
        row = page.Locator("tr.history-row").Filter(new() { HasText = name });
        await Expect.TextAsync(row.GetByTestId("history-reproduced"), "✓ reproduced");
        await BrowserFixture.ScreenshotAsync(page, "history");
        await page.GetByTestId("theme-dark").CheckAsync();
        await page.WaitForSelectorAsync("html[data-theme=dark]");
        await BrowserFixture.ScreenshotAsync(page, "history-dark");

        // rename, then delete after confirming
        await row.GetByTestId("history-edit").ClickAsync();
        await page.GetByTestId("history-edit-name").FillAsync(name + " (kept)");
        await page.GetByTestId("history-edit-save").ClickAsync();
        row = page.Locator("tr.history-row").Filter(new() { HasText = name + " (kept)" });
        await row.WaitForAsync();
        await row.GetByTestId("history-delete").ClickAsync();
        await Expect.TextAsync(row.GetByTestId("history-confirm"), "This cannot be undone");
        await row.GetByTestId("history-delete-confirm").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("history-status"), "Deleted");
        Assert.Equal(0, await page.Locator("tr.history-row").Filter(new() { HasText = name }).CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task AnotherBrowserOpensARunByItsLinkButDoesNotListOrDeleteIt()
    {
        // Two browser contexts, so two owner cookies: A saves, B gets only the link.
        string name = $"shared herd {Guid.NewGuid():N}"[..28];
        IPage a = await browser.OpenAsync("/keep?scenario=keep-job-start-herd&seed=1&step=800&mode=current", timeoutMs: 60_000); // the first page of a cold server, on a loaded machine
        await Expect.TextAsync(a.GetByTestId("step-counter"), "step 800 of 4736");
        await a.GetByTestId("save-run").ClickAsync();
        await a.GetByTestId("save-run-name").FillAsync(name);
        await a.GetByTestId("save-run-submit").ClickAsync();
        await Expect.TextAsync(a.GetByTestId("save-run-saved"), $"Saved “{name}”");
        string link = (await a.GetByTestId("save-run-link").GetAttributeAsync("href"))!;
        Assert.Matches("^/history/[A-Za-z0-9_-]{22}$", link);
        IReadOnlyList<BrowserContextCookiesResult> cookies = await a.Context.CookiesAsync();
        BrowserContextCookiesResult owner = Assert.Single(cookies, c => c.Name == "bufferlab.owner");
        Assert.True(owner.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, owner.SameSite);
        Assert.Null(await a.EvaluateAsync<string?>("() => document.cookie.match(/bufferlab\\.owner=([^;]+)/)?.[1] ?? null")); // no script reads it

        IPage b = await browser.OpenAsync("/history", interactive: false, width: 1024);
        await b.WaitForSelectorAsync("[data-testid=history-heading][data-interactive]");
        Assert.NotEqual(owner.Value, Assert.Single(await b.Context.CookiesAsync(), c => c.Name == "bufferlab.owner").Value);
        await b.GetByTestId("history-empty").WaitForAsync();
        Assert.Contains("Save run", await b.GetByTestId("history-empty").InnerTextAsync(), StringComparison.Ordinal); // says how to save one
        Assert.Equal(0, await b.Locator("tr.history-row").CountAsync());
        Assert.Equal(0, await b.GetByText(name).CountAsync());
        Assert.Equal(0, await b.GetByTestId("history-delete").CountAsync()); // nothing B could delete
        await BrowserFixture.ScreenshotAsync(b, "history-empty-1024");

        // B opens A's run by its link: the run's page, on its step, checked.
        await b.GotoAsync(link);
        await b.WaitForURLAsync("**/keep?**");
        await Expect.TextAsync(b.GetByTestId("step-counter"), "step 800 of 4736");
        await Expect.TextAsync(b.GetByTestId("reopened-banner"), "reproduced exactly", timeoutMs: 30_000);

        // A malformed or unknown link is a page that says so, with status 404.
        IResponse? missing = await b.GotoAsync("/history/" + new string('x', 22));
        Assert.Equal(404, missing!.Status);
        await Expect.TextAsync(b.GetByTestId("run-link-problem"), "No saved run has this link");
        IResponse? malformed = await b.GotoAsync("/history/" + new string('x', 500));
        Assert.Equal(404, malformed!.Status);
        await Expect.TextAsync(b.GetByTestId("run-link-problem"), "not a saved run's link");
        await BrowserFixture.ScreenshotAsync(b, "history-link-not-found");

        // A still has it, untouched by B's visit (a visitor's reopening is not written into A's history).
        await a.GotoAsync("/history");
        await a.WaitForSelectorAsync("[data-testid=history-heading][data-interactive]");
        ILocator row = a.Locator("tr.history-row").Filter(new() { HasText = name });
        await row.WaitForAsync();
        Assert.Equal("not reopened yet", await row.GetByTestId("history-reproduced").InnerTextAsync());
        Assert.Equal(link, await row.GetByTestId("history-name").GetAttributeAsync("href"));
        await b.CloseAsync();
        await a.CloseAsync();
    }

    [Fact]
    public async Task TheHistoryGridSortsByItsHeadersAndItsActionsWorkFromTheKeyboard()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=3");
        foreach ((string name, int step) in new[] { ("b-second", 9), ("a-first", 3) })
        {
            await page.GotoAsync($"/stratum?scenario=readme-case3&seed=1&step={step}");
            await page.WaitForSelectorAsync("html[data-interactive]");
            await page.GetByTestId("save-run").ClickAsync();
            await page.GetByTestId("save-run-name").FillAsync(name);
            await page.GetByTestId("save-run-submit").ClickAsync();
            await Expect.TextAsync(page.GetByTestId("save-run-saved"), $"Saved “{name}”");
        }

        await page.GotoAsync("/history");
        await page.WaitForSelectorAsync("[data-testid=history-heading][data-interactive]");
        ILocator rows = page.Locator("tr.history-row");
        await Expect.CountAsync(rows, 2);
        Assert.Equal(["a-first", "b-second"], await rows.GetByTestId("history-name").AllInnerTextsAsync()); // newest first
        Assert.Equal("Saved runs", await page.GetByTestId("history-table").GetAttributeAsync("aria-label"));

        // MudDataGrid's sort control is a button in the header: Enter sorts by step ascending, again descending.
        ILocator stepSort = page.Locator("th").Filter(new() { HasText = "Step" }).GetByRole(AriaRole.Button, new() { Name = "Sort" });
        await stepSort.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=history-name]')].map(e => e.textContent).join() === 'a-first,b-second'");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=history-name]')].map(e => e.textContent).join() === 'b-second,a-first'");
        Assert.Equal(2, await rows.CountAsync());

        // Rename and delete with the keyboard only.
        ILocator second = rows.Filter(new() { HasText = "b-second" });
        await second.GetByTestId("history-edit").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("history-edit-name").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("b-renamed");
        await page.Keyboard.PressAsync("Enter");
        await Expect.TextAsync(page.GetByTestId("history-status"), "Saved the changes to “b-renamed”");
        ILocator renamed = rows.Filter(new() { HasText = "b-renamed" });
        await renamed.GetByTestId("history-delete").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await renamed.GetByTestId("history-delete-confirm").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect.TextAsync(page.GetByTestId("history-status"), "Deleted “b-renamed”");
        await Expect.CountAsync(rows, 1);
        foreach (int width in new[] { 1440, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await BrowserFixture.ScreenshotAsync(page, $"history-grid-{width}");
        }

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
