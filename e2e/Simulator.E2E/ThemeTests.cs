using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>Light, dark and system themes: chosen in the nav bar, remembered across reloads, applied before first paint; screenshots of every page in both.</summary>
[Collection(BrowserTests.Name)]
public sealed class ThemeTests(BrowserFixture browser)
{
    /// <summary>What the page looked like at its first frame (recorded before any paint by an init script).</summary>
    private const string FirstFrame = """
        requestAnimationFrame(() => {
          const root = document.documentElement;
          window.__firstFrame = {
            theme: root.dataset.theme,
            paper: getComputedStyle(document.body).backgroundColor,
            radzen: getComputedStyle(root).getPropertyValue('--rz-base-background-color').trim(),
          };
        });
        """;

    private static readonly (string Name, string Path)[] Pages =
    [
        ("home", "/"),
        ("stratum", "/stratum?scenario=readme-case3&seed=1&step=12&teach=1"),
        ("keep", "/keep?scenario=keep-job-start-herd&seed=1&step=800&mode=current&compare=coalescing"),
        ("fuse", "/fuse?scenario=fuse-large-write-4m&seed=1&step=end&mode=vectored&compare=contiguous-large"),
        ("filestore", "/filestore?scenario=filestore-seed-repro&seed=1&step=60&reader=std&compare=mmap"),
        ("scenarios", "/scenarios"),
    ];

    private async Task<IPage> NewPageAsync(ColorScheme scheme)
    {
        IPage page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 }, BaseURL = browser.Server.Address.ToString(), ColorScheme = scheme });
        page.SetDefaultTimeout(15_000);
        await page.AddInitScriptAsync(FirstFrame);
        return page;
    }

    private static Task<string?> ThemeAsync(IPage page) => page.EvaluateAsync<string?>("() => document.documentElement.dataset.theme");

    private static async Task WaitForPickerAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=theme-picker] .chosen') !== null && window.Blazor !== undefined");

    [Fact]
    public async Task DarkPersistsAcrossAReloadFromTheFirstFrame()
    {
        IPage page = await NewPageAsync(ColorScheme.Light);
        await page.GotoAsync("/stratum?scenario=readme-case3&seed=1&step=3");
        await page.WaitForSelectorAsync("html[data-interactive]");
        Assert.Equal("light", await ThemeAsync(page));

        await page.GetByTestId("theme-dark").CheckAsync();
        await page.WaitForSelectorAsync("html[data-theme=dark]");
        Assert.Equal("dark", await page.EvaluateAsync<string>("() => localStorage.getItem('bufferlab.theme')"));
        Assert.Contains("material-dark-base.css", await page.EvaluateAsync<string>("() => document.getElementById('radzen-theme').href"), StringComparison.Ordinal);

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("html[data-interactive]");
        var first = await page.EvaluateAsync<Dictionary<string, string>>("() => window.__firstFrame");
        Assert.Equal("dark", first["theme"]);
        Assert.Equal("rgb(17, 21, 25)", first["paper"]); // --paper of the dark theme, no light flash
        Assert.NotEqual("", first["radzen"]); // Radzen's dark sheet was already applied (it blocks rendering)
        Assert.Equal(first["radzen"], await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--rz-base-background-color').trim()"));
        await WaitForPickerAsync(page);
        Assert.True(await page.GetByTestId("theme-dark").IsCheckedAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task SystemFollowsTheEmulatedColorScheme()
    {
        IPage page = await NewPageAsync(ColorScheme.Dark);
        await page.GotoAsync("/keep?scenario=keep-zipf&seed=1");
        await page.WaitForSelectorAsync("html[data-interactive]");
        Assert.Equal("dark", await ThemeAsync(page)); // nothing chosen: the system's
        await WaitForPickerAsync(page);
        Assert.True(await page.GetByTestId("theme-system").IsCheckedAsync());

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.WaitForSelectorAsync("html[data-theme=light]");

        await page.GetByTestId("theme-dark").CheckAsync();
        await page.WaitForSelectorAsync("html[data-theme=dark]");
        await page.GetByTestId("theme-system").CheckAsync();
        await page.WaitForSelectorAsync("html[data-theme=light]");
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('bufferlab.theme')"));

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.WaitForSelectorAsync("html[data-theme=dark]");
        await page.CloseAsync();
    }

    [Fact]
    public async Task EveryPageInLightAndDark()
    {
        foreach (ColorScheme scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            string name = scheme == ColorScheme.Dark ? "dark" : "light";
            IPage page = await NewPageAsync(scheme);
            foreach ((string page_, string path) in Pages)
            {
                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await WaitForPickerAsync(page);
                Assert.Equal(name, await ThemeAsync(page));
                if (await page.Locator(".chart").CountAsync() > 0)
                {
                    await page.Locator(".chart .main-svg").First.WaitForAsync();
                }

                await page.WaitForTimeoutAsync(300); // plotly's and Radzen's last layout
                await BrowserFixture.ScreenshotAsync(page, $"{page_}-{name}");
            }

            await page.CloseAsync();
        }
    }
}
