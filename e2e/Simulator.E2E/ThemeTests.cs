using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>Light, dark and system themes: chosen in the app bar, remembered across reloads (a cookie the server reads), applied before first paint.</summary>
[Collection(BrowserTests.Name)]
public sealed class ThemeTests(BrowserFixture browser)
{
    /// <summary>
    /// What the page looked like at its first frame (recorded before any paint by an init script),
    /// and MudBlazor's palette at the first frame that had it: its style sits in the body, which a
    /// busy machine may not have parsed by the first frame, so what counts is that it was never light.
    /// </summary>
    private const string FirstFrame = """
        requestAnimationFrame(() => {
          const root = document.documentElement;
          window.__firstFrame = { theme: root.dataset.theme, paper: getComputedStyle(document.body).backgroundColor };
          const sampleMud = () => {
            const mud = getComputedStyle(root).getPropertyValue('--mud-palette-background').trim();
            if (mud) window.__firstFrame.mud = mud; else requestAnimationFrame(sampleMud);
          };
          sampleMud();
        });
        """;

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
        Assert.Contains("bufferlab.theme=dark", await page.EvaluateAsync<string>("() => document.cookie"), StringComparison.Ordinal);
        await page.WaitForFunctionAsync("() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim() === 'rgba(17,21,25,1)'");

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("html[data-interactive]");
        await page.WaitForFunctionAsync("() => window.__firstFrame?.mud !== undefined");
        var first = await page.EvaluateAsync<Dictionary<string, string>>("() => window.__firstFrame");
        Assert.Equal("dark", first["theme"]);
        Assert.Equal("rgb(17, 21, 25)", first["paper"]); // --paper of the dark theme, no light flash
        Assert.Equal("rgba(17,21,25,1)", first["mud"]); // MudBlazor's dark palette came with the page: the server read the cookie
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
        Assert.DoesNotContain("bufferlab.theme", await page.EvaluateAsync<string>("() => document.cookie"), StringComparison.Ordinal);

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.WaitForSelectorAsync("html[data-theme=dark]");
        await page.CloseAsync();
    }
}
