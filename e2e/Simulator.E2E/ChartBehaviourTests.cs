using System.Globalization;
using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>
/// What a chart does besides drawing lines (Components/Controls/MetricChart): a cursor at the step
/// shown, legend toggles that survive the next step, reset zoom, PNGs with a sensible name, and
/// extending its lines while playing instead of redrawing them.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ChartBehaviourTests(BrowserFixture browser)
{
    /// <summary>The plotly graph div of a chart: Plotly.Blazor puts the test id on it.</summary>
    private const string Messages = "document.querySelector('[data-testid=chart-messages]')";

    [Fact]
    public async Task TheCursorMovesWithTheStep()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=5");
        await Expect.ChartLinesAsync(page, "chart-messages");
        await WaitForCursorAsync(page, 5);
        Assert.Equal(1, await page.Locator("[data-testid=chart-messages] .shapelayer path").CountAsync()); // drawn, not only declared

        await page.GetByTestId("step-button").ClickAsync();
        await WaitForCursorAsync(page, 6);
        await page.GetByTestId("back-button").ClickAsync();
        await page.GetByTestId("back-button").ClickAsync();
        await WaitForCursorAsync(page, 4);

        // charts over virtual time put it at the moment shown
        IPage keep = await browser.OpenAsync("/keep?scenario=keep-job-start-herd&seed=1&step=300&mode=current");
        await Expect.ChartLinesAsync(keep, "chart-buffers");
        double cursor = await keep.EvaluateAsync<double>("() => document.querySelector('[data-testid=chart-buffers]').layout.shapes[0].x0");
        double lineEnd = await keep.EvaluateAsync<double>("() => { const x = document.querySelector('[data-testid=chart-buffers]').data[0].x; return x[x.length - 1]; }");
        Assert.Equal(lineEnd, cursor, 6);
        await keep.CloseAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task AClickedLegendEntryStaysHiddenAfterStep()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=5");
        Assert.Equal(3, await Expect.ChartLinesAsync(page, "chart-messages"));
        await page.Locator("[data-testid=chart-messages] .legend .traces").Nth(1).ClickAsync();
        await page.WaitForFunctionAsync($"() => {Messages}.data[1].visible === 'legendonly'");

        await page.GetByTestId("step-button").ClickAsync();
        await WaitForCursorAsync(page, 6);
        await page.GetByTestId("step-button").ClickAsync();
        await WaitForCursorAsync(page, 7);
        Assert.Equal("legendonly", await page.EvaluateAsync<string>($"() => String({Messages}.data[1].visible)"));
        Assert.Equal(8, await page.EvaluateAsync<int>($"() => {Messages}.data[0].x.length")); // the lines did follow the steps
        Assert.Equal(2, await page.Locator("[data-testid=chart-messages] .scatterlayer .trace").CountAsync()); // one line is not drawn
        await page.CloseAsync();
    }

    [Fact]
    public async Task ResetZoomRestoresTheRangeAfterAZoom()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=12");
        await Expect.ChartLinesAsync(page, "chart-messages");
        double[] whole = await XRangeAsync(page);

        // drag across the plot: plotly zooms to the dragged x range
        ILocator plot = page.Locator("[data-testid=chart-messages] .nsewdrag").First;
        await plot.ScrollIntoViewIfNeededAsync();
        LocatorBoundingBoxResult box = (await plot.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.3f), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.5f), box.Y + (box.Height / 2), new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.WaitForFunctionAsync($"() => {Messages}._fullLayout.xaxis.range[1] < {whole[1].ToString(CultureInfo.InvariantCulture)} - 1");

        await page.GetByTestId("step-button").ClickAsync(); // a step keeps the zoom ...
        await WaitForCursorAsync(page, 13);
        Assert.True((await XRangeAsync(page))[1] < whole[1] - 1);

        await page.GetByTestId("chart-messages-reset-zoom").ClickAsync(); // ... until reset
        await page.WaitForFunctionAsync($"() => {Messages}._fullLayout.xaxis.range[1] >= {whole[1].ToString(CultureInfo.InvariantCulture)}");
        double[] reset = await XRangeAsync(page);
        Assert.True(reset[0] <= whole[0] && reset[1] >= whole[1], $"after reset: [{reset[0]}, {reset[1]}], before the zoom: [{whole[0]}, {whole[1]}]");
        await page.CloseAsync();
    }

    [Fact]
    public async Task APngDownloadIsAPngNamedAfterTheRunStepAndChart()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=12");
        await Expect.ChartLinesAsync(page, "chart-messages");
        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("chart-messages-png").ClickAsync(), new() { Timeout = 60_000 });
        Assert.Equal("readme-case3-seed1-step12-chart-messages.png", download.SuggestedFilename);
        byte[] png = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal((1800, 920), (BigEndian(png, 16), BigEndian(png, 20))); // IHDR: drawn at twice the pixels
        await File.WriteAllBytesAsync(Path.Combine(Paths.Screenshots, "export-chart-messages-captioned.png"), png);
        Assert.Equal(0, await page.Locator(".chart-export-stage").CountAsync()); // the PNG's figure is gone again
        await page.CloseAsync();
    }

    [Fact]
    public async Task WhilePlayingLinesAreExtendedNotRedrawn()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=random-long&seed=1");
        await page.Locator("[data-testid=chart-messages] .main-svg").First.WaitForAsync();
        await page.EvaluateAsync(CountPlotlyCalls);
        await page.GetByTestId("speed-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "64 steps/s", Exact = true }).ClickAsync();
        await page.GetByTestId("play-button").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__chartCalls.extend >= 4", null, new() { Timeout = 30_000 });
        await page.GetByTestId("play-button").ClickAsync();
        var calls = await page.EvaluateAsync<Dictionary<string, double>>("() => window.__chartCalls");
        Assert.True(calls["extendPoints"] < calls["extend"] * 2 * 64 * 6, $"{calls["extendPoints"]} points in {calls["extend"]} extensions"); // about a second of steps each, not the whole lines
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("light", 1440)]
    [InlineData("dark", 1440)]
    [InlineData("light", 390)]
    [InlineData("dark", 390)]
    public async Task ComparedRunsKeepTheirColourOnEveryChartInBothThemesAndWidths(string theme, int width)
    {
        IPage page = await browser.NewPageAsync(width, 900, theme);
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/keep?scenario=keep-job-start-herd&seed=1&step=800&mode=current&compare=coalescing");
        await page.WaitForSelectorAsync("html[data-interactive]");
        Assert.Equal(theme, await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        foreach (string chart in new[] { "chart-buffers", "chart-memory", "chart-reads", "chart-latency" })
        {
            await Expect.ChartLinesAsync(page, chart);
        }

        // every line of the first run has one colour, every line of the compared run another, on every chart
        string[] colours = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.charts .js-plotly-plot')].flatMap(gd => gd.data.map(t => `${t.name.endsWith('(coalescing)') ? 1 : 0}:${t.line.color}`))
            """);
        Assert.Equal(2, colours.Distinct().Count());
        Assert.Equal(2, colours.Select(c => c[..1]).Distinct().Count());

        ILocator charts = page.Locator(".charts");
        await charts.ScrollIntoViewIfNeededAsync();
        await page.WaitForTimeoutAsync(300); // plotly's last relayout
        await charts.ScreenshotAsync(new() { Path = Path.Combine(Paths.Screenshots, $"charts-keep-compare-{theme}-{width}.png") });
        string wide = await charts.EvaluateAsync<string>("""
            e => [...e.querySelectorAll('*')].filter(c => c.getBoundingClientRect().right > e.getBoundingClientRect().right + 1)
                   .slice(0, 5).map(c => `${c.tagName}.${c.getAttribute('class')} ${Math.round(c.getBoundingClientRect().width)}px`).join(', ')
            """);
        Assert.True(wide.Length == 0, $"wider than the charts' column ({await charts.EvaluateAsync<int>("e => e.clientWidth")}px): {wide}");
        await page.CloseAsync();
    }

    /// <summary>Counts plotly's react and extendTraces calls and the points each sends (x values), in window.__chartCalls.</summary>
    internal const string CountPlotlyCalls = """
        () => {
          const calls = window.__chartCalls = { react: 0, reactPoints: 0, extend: 0, extendPoints: 0 };
          const P = window.Plotly, react = P.react, extend = P.extendTraces;
          P.react = function (gd, data, ...rest) { calls.react++; calls.reactPoints += (data || []).reduce((n, t) => n + (t.x ? t.x.length : 0), 0); return react.call(this, gd, data, ...rest); };
          P.extendTraces = function (gd, update, ...rest) { calls.extend++; calls.extendPoints += (update.x || []).reduce((n, x) => n + x.length, 0); return extend.call(this, gd, update, ...rest); };
        }
        """;

    private static async Task WaitForCursorAsync(IPage page, int step) =>
        await page.WaitForFunctionAsync($"() => {Messages}?.layout?.shapes?.[0]?.x0 === {step}");

    private static async Task<double[]> XRangeAsync(IPage page) =>
        await page.EvaluateAsync<double[]>($"() => {Messages}._fullLayout.xaxis.range.slice()");

    private static int BigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
}
