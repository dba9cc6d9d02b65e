using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BufferLab.Simulator.E2E;

/// <summary>
/// Measures the points a page's charts send to plotly while a run plays (x values given to
/// Plotly.react and Plotly.extendTraces, counted in the browser): per chart update and per round
/// (all charts of the page updated together, once a second while playing). Records the figures in
/// artifacts/perf/chart-traffic.txt; asserts only that the charts were updated.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ChartTrafficMeasurement(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Wraps plotly's react and extendTraces to log each call's time and points in window.__chartLog.</summary>
    private const string LogPlotlyCalls = """
        () => {
          const log = window.__chartLog = [];
          const P = window.Plotly, react = P.react, extend = P.extendTraces;
          const points = arrays => (arrays || []).reduce((n, a) => n + (a ? a.length : 0), 0);
          P.react = function (gd, data, ...rest) { log.push({ t: performance.now(), kind: 'react', points: points((data || []).map(t => t.x)) }); return react.call(this, gd, data, ...rest); };
          P.extendTraces = function (gd, update, ...rest) { log.push({ t: performance.now(), kind: 'extend', points: points(update.x) }); return extend.call(this, gd, update, ...rest); };
        }
        """;

    private static readonly (string Page, string Chart, string Name, string Speed)[] Runs =
    [
        ("/stratum?scenario=random-long&seed=1", "chart-messages", "random-long (stratum, 2 charts)", "5,000 steps/s"),
        ("/stratum?scenario=random-long&seed=1", "chart-messages", "random-long (stratum, 2 charts)", "64 steps/s"),
        ("/keep?scenario=keep-zipf&seed=1", "chart-buffers", "keep-zipf (keep, 5 charts)", "5,000 steps/s"),
        ("/keep?scenario=keep-zipf&seed=1", "chart-buffers", "keep-zipf (keep, 5 charts)", "64 steps/s"),
    ];

    [Fact]
    public async Task MeasurePointsSentPerChartUpdateWhilePlaying()
    {
        var report = new List<string>();
        foreach ((string path, string chart, string name, string speed) in Runs)
        {
            // a cold run's first load computes its timeline's marks: allow it more than the usual 15 s on a busy machine
            IPage page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 }, BaseURL = browser.Server.Address.ToString() });
            page.SetDefaultTimeout(60_000);
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync("html[data-interactive]");
            await page.Locator($"[data-testid={chart}] .main-svg").First.WaitForAsync();
            await page.EvaluateAsync(LogPlotlyCalls);
            await page.GetByTestId("speed-select").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = speed, Exact = true }).ClickAsync();
            await page.GetByTestId("play-button").ClickAsync();
            await page.WaitForTimeoutAsync(12_000);
            string step = await page.Locator("[data-testid=step-counter]").InnerTextAsync();
            using JsonDocument log = JsonDocument.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__chartLog)"));
            await page.CloseAsync();

            var calls = log.RootElement.EnumerateArray().Select(c => (T: c.GetProperty("t").GetDouble(), Kind: c.GetProperty("kind").GetString()!, Points: c.GetProperty("points").GetInt32())).ToList();
            // a round: the calls of one chart update of the page (they come within a few ms of each other)
            var rounds = new List<List<(double T, string Kind, int Points)>>();
            foreach (var call in calls)
            {
                if (rounds.Count == 0 || call.T - rounds[^1][^1].T > 250)
                {
                    rounds.Add([]);
                }

                rounds[^1].Add(call);
            }

            int total = calls.Sum(c => c.Points);
            report.Add(string.Create(CultureInfo.InvariantCulture, $"""
                {name}, played 12 s at {speed}, reached {step.Replace('\n', ' ')}
                  {calls.Count} plotly calls ({calls.Count(c => c.Kind == "react")} react, {calls.Count(c => c.Kind == "extend")} extendTraces) in {rounds.Count} rounds; {total:N0} points sent
                  points per round: median {Median(rounds.Select(r => r.Sum(c => c.Points)))}, max {(rounds.Count == 0 ? 0 : rounds.Max(r => r.Sum(c => c.Points)))}; per call: median {Median(calls.Select(c => c.Points))}
                  rounds: {string.Join(" ", rounds.Select(r => string.Join("+", r.GroupBy(c => c.Kind).Select(g => $"{g.Sum(c => c.Points)}{g.Key[0]}"))))}
                """));
            Assert.NotEmpty(calls);
        }

        string text = string.Join(Environment.NewLine, report);
        output.WriteLine(text);
        string folder = Directory.CreateDirectory(Path.Combine(Paths.RepoRoot, "artifacts", "perf")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "chart-traffic.txt"), text);
    }

    private static double Median(IEnumerable<int> values)
    {
        int[] sorted = [.. values.Order()];
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}
