using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>
/// Every page at 1440, 1024 and 390 px wide, light and dark: a screenshot of each (artifacts/screenshots,
/// to look at), and no page may scroll sideways at any width.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ScreenshotTourTests(BrowserFixture browser)
{
    public static readonly (string Name, string Path)[] Pages =
    [
        ("home", "/"),
        ("stratum", "/stratum?scenario=readme-case3&seed=1&step=12&teach=1"),
        ("keep", "/keep?scenario=keep-job-start-herd&seed=1&step=800&mode=current&compare=coalescing"),
        ("fuse", "/fuse?scenario=fuse-large-write-4m&seed=1&step=end&mode=vectored&compare=contiguous-large"),
        ("filestore", "/filestore?scenario=filestore-seed-repro&seed=1&step=60&reader=std&compare=mmap"),
        ("scenarios", "/scenarios"),
        ("history", "/history"),
    ];

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(1024, 768)]
    [InlineData(390, 844)]
    public async Task EveryPageFitsItsWidthInLightAndDark(int width, int height)
    {
        foreach (ColorScheme scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            string theme = scheme == ColorScheme.Dark ? "dark" : "light";
            IPage page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = browser.Server.Address.ToString(), ColorScheme = scheme });
            page.SetDefaultTimeout(20_000);
            foreach ((string name, string path) in Pages)
            {
                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-testid=theme-picker] .chosen') !== null");
                Assert.Equal(theme, await page.EvaluateAsync<string?>("() => document.documentElement.dataset.theme"));
                if (name is not ("home" or "scenarios" or "history"))
                {
                    // a system page: its circuit answers and its run is drawn (before that the charts are not there yet, and "every" of none is true)
                    await page.WaitForSelectorAsync("html[data-interactive]");
                    await page.WaitForSelectorAsync(".chart-card");
                }

                // every chart drawn (Plotly.Blazor draws each once its colours and data arrive), not just the first
                await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.chart-card')].every(c => c.querySelector('.main-svg'))");

                await page.WaitForTimeoutAsync(300); // the charts' and popovers' last layout
                await BrowserFixture.ScreenshotAsync(page, $"{name}-{width}-{theme}");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Screenshots, $"{name}-{width}-{theme}-first-screen.png") });
                int scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{path} at {width} px ({theme}) scrolls sideways: {scrollWidth} px wide; widest: {await WidestAsync(page, width)}");
            }

            await page.CloseAsync();
        }
    }

    /// <summary>The elements that reach past the viewport's right edge while their parent does not: what to fix.</summary>
    private static Task<string> WidestAsync(IPage page, int width) => page.EvaluateAsync<string>("""
        width => [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > width + 1 && e.parentElement.getBoundingClientRect().right <= width + 1)
          .slice(0, 6)
          .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}[${e.dataset.testid ?? ''}] right=${Math.round(e.getBoundingClientRect().right)}`)
          .join('; ')
        """, width);
}
