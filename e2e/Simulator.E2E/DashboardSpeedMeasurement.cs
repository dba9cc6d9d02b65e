using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BufferLab.Simulator.E2E;

/// <summary>
/// Measures, in a real browser, what the README reports for the dashboard: frames per second the
/// page renders while a ~20,000-step run plays at full speed, the engine-to-DOM latency of those
/// frames, and how much a watching page slows the engine against the same run with no viewer.
/// It records figures (artifacts/perf/dashboard-speed.txt); it asserts only that the runs finished.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class DashboardSpeedMeasurement(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Scenario = "random-long";

    private const string NoViewer = """
        async ({ scenario }) => {
          const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/simulation').build();
          await connection.start();
          const info = await connection.invoke('Open', { scenario, seed: 1 });
          await connection.invoke('Speed', info.sessionId, 100000);
          const start = performance.now();
          await connection.invoke('Play', info.sessionId);
          let status;
          do {
            await new Promise(r => setTimeout(r, 10));
            status = await connection.invoke('Status', info.sessionId);
          } while (status.playing);
          const ms = performance.now() - start;
          await connection.stop();
          return JSON.stringify({ steps: status.step, lastStep: info.lastStep, ms });
        }
        """;

    private const string Watch = """
        () => {
          const counter = document.querySelector('[data-testid=step-counter]');
          const perf = { latencies: [], frames: [], start: 0 };
          new MutationObserver(() => {
            perf.frames.push(performance.now());
            perf.latencies.push(Date.now() - Number(counter.dataset.readAt));
          }).observe(counter, { attributes: true, childList: true, subtree: true, characterData: true });
          window.__perf = perf;
        }
        """;

    private const int Repeats = 5;

    [Fact]
    public async Task MeasureFramesLatencyAndEngineSlowdown()
    {
        IPage home = await browser.OpenAsync("/", interactive: false);
        await home.AddScriptTagAsync(new() { Url = "/lib/signalr/signalr.min.js" });
        var alone = new List<double>();
        int lastStep = 0;
        for (int i = -1; i < Repeats; i++) // run -1 warms the server up and is not counted
        {
            using JsonDocument run = JsonDocument.Parse(await home.EvaluateAsync<string>(NoViewer, new { scenario = Scenario }));
            lastStep = run.RootElement.GetProperty("lastStep").GetInt32();
            Assert.Equal(lastStep, run.RootElement.GetProperty("steps").GetInt32());
            if (i >= 0)
            {
                alone.Add(run.RootElement.GetProperty("ms").GetDouble());
            }
        }

        await home.CloseAsync();

        var watched = new List<double>();
        for (int i = -1; i < Repeats; i++)
        {
            double ms = (await PlayInPageAsync("full speed", lastStep)).Ms;
            if (i >= 0)
            {
                watched.Add(ms);
            }
        }

        (double pacedMs, double[] frames, double[] latencies) = await PlayInPageAsync("5,000 steps/s", lastStep, screenshot: "stratum-random-long-played");
        double fps = (frames.Length - 1) / ((frames[^1] - frames[0]) / 1000);
        double aloneMs = Median(alone), watchedMs = Median(watched);
        string report = string.Create(CultureInfo.InvariantCulture, $"""
            scenario {Scenario} (seed 1): {lastStep} steps; medians of {Repeats} runs at full speed
            engine alone (hub session, no viewer): {aloneMs:0} ms = {lastStep / aloneMs * 1000:0} steps/s
            engine with the page watching:        {watchedMs:0} ms = {lastStep / watchedMs * 1000:0} steps/s (slowdown {(watchedMs / aloneMs - 1) * 100:0.0}%)
            paced at 5,000 steps/s: {pacedMs:0} ms; page renders {frames.Length} = {fps:0.0} frames/s
            engine-to-DOM latency while paced: p50 {Percentile(latencies, 0.50):0} ms, p95 {Percentile(latencies, 0.95):0} ms, p99 {Percentile(latencies, 0.99):0} ms, max {latencies[^1]:0} ms
            """);
        output.WriteLine(report);
        string folder = Directory.CreateDirectory(Path.Combine(Paths.RepoRoot, "artifacts", "perf")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "dashboard-speed.txt"), report);

        Assert.True(frames.Length > 10, report);
    }

    /// <summary>Plays the whole run in the page at <paramref name="speed"/>; returns its wall time and each render's time and latency.</summary>
    private async Task<(double Ms, double[] Frames, double[] Latencies)> PlayInPageAsync(string speed, int lastStep, string? screenshot = null)
    {
        IPage page = await browser.OpenAsync($"/stratum?scenario={Scenario}&seed=1");
        await page.GetByTestId("speed-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = speed, Exact = true }).ClickAsync();
        await page.EvaluateAsync(Watch);
        await page.EvaluateAsync("() => { window.__perf.start = performance.now(); document.querySelector('[data-testid=play-button]').click(); }");
        await page.GetByTestId("step-counter").Filter(new() { HasText = $"step {lastStep} of {lastStep}" }).WaitForAsync(new() { Timeout = 120_000 });
        using JsonDocument perf = JsonDocument.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__perf)"));
        if (screenshot is not null)
        {
            await page.WaitForTimeoutAsync(500); // let the last chart redraw land
            await BrowserFixture.ScreenshotAsync(page, screenshot);
        }

        await page.CloseAsync();
        double[] frames = perf.RootElement.GetProperty("frames").EnumerateArray().Select(f => f.GetDouble()).ToArray();
        double[] latencies = perf.RootElement.GetProperty("latencies").EnumerateArray().Select(l => l.GetDouble()).Order().ToArray();
        return (frames[^1] - perf.RootElement.GetProperty("start").GetDouble(), frames, latencies);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}
