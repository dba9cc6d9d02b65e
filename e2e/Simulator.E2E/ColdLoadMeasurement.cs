using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BufferLab.Simulator.E2E;

/// <summary>
/// Measures, in a real browser, what the README reports as cold load to interactive: for each
/// system page, in a fresh browser context (no cache, no cookie), the time from navigation to the
/// first Step click handled (the step counter shows step 1). Medians of 3 after one warm-up of the
/// server; it records figures (artifacts/perf/cold-load.txt) and asserts only that the click was handled.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ColdLoadMeasurement(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly (string Name, string Path)[] Pages =
    [
        ("stratum", "/stratum?scenario=readme-case3&seed=1&step=0"),
        ("fuse", "/fuse?scenario=fuse-large-write-4m&seed=1&step=0&mode=vectored&compare=contiguous-large"),
        ("keep", "/keep?scenario=keep-job-start-herd&seed=1&step=0&mode=current&compare=coalescing"),
        ("filestore", "/filestore?scenario=filestore-seed-repro&seed=1&step=0&reader=std&compare=mmap"),
    ];

    private const int Repeats = 3;

    [Fact]
    public async Task MeasureColdLoadToFirstClickHandled()
    {
        var lines = new List<string>();
        foreach ((string name, string path) in Pages)
        {
            var times = new List<double>();
            for (int i = -1; i < Repeats; i++) // -1 warms the server up for this page and is not counted
            {
                double ms = await FirstClickAsync(path);
                if (i >= 0)
                {
                    times.Add(ms);
                }
            }

            times.Sort();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: median {times[Repeats / 2]:0} ms (runs {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} ms)"));
        }

        string report = "cold load to the first Step click handled, fresh browser context each time\n" + string.Join('\n', lines) + '\n';
        output.WriteLine(report);
        string folder = Directory.CreateDirectory(Path.Combine(Paths.RepoRoot, "artifacts", "perf")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "cold-load.txt"), report);
    }

    /// <summary>Navigates, clicks Step as soon as the page lets it, and waits for step 1: milliseconds from navigation.</summary>
    private async Task<double> FirstClickAsync(string path)
    {
        await using IBrowserContext context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, BaseURL = browser.Server.Address.ToString() });
        IPage page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByTestId("step-button").ClickAsync(); // Playwright retries until the button takes pointer events
        await page.GetByTestId("step-counter").Filter(new() { HasText = "step 1 of" }).WaitForAsync();
        return clock.Elapsed.TotalMilliseconds;
    }
}
