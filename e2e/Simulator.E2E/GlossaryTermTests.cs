using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>Jargon in headings and labels (Term): hovering or focusing a word shows its plain-words definition, which screen readers get too.</summary>
[Collection(BrowserTests.Name)]
public sealed class GlossaryTermTests(BrowserFixture browser)
{
    private static ILocator Tooltip(IPage page) => page.Locator(".mud-tooltip.mud-popover-open");

    [Fact]
    public async Task FocusingATermWithTheKeyboardShowsItsDefinitionWhichItsDescriptionAlsoCarriesAndEscHidesIt()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=8");
        ILocator term = page.Locator("[data-testid=term][data-term='slot map']");
        string described = await term.EvaluateAsync<string>("t => document.getElementById(t.getAttribute('aria-describedby')).textContent");
        Assert.StartsWith("The upstream README's picture of the pool", described, StringComparison.Ordinal);
        Assert.Equal(0, await Tooltip(page).CountAsync());

        await term.FocusAsync();

        await Expect.TextAsync(Tooltip(page), described);
        Assert.Equal("Slots", await term.TextContentAsync());
        await page.WaitForTimeoutAsync(400); // the tooltip fades in
        await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Screenshots, "term-focused-slot-map.png") });
        await page.Keyboard.PressAsync("Escape");
        await Tooltip(page).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(1400, "light")]
    [InlineData(390, "dark")]
    public async Task HoveringAFuseWordShowsItsDefinitionInsideTheWindow(int width, string theme)
    {
        IPage page = await browser.OpenAsync("/fuse?scenario=fuse-large-write-4m&seed=1&step=end&mode=vectored&compare=contiguous-large", width: width, theme: theme, timeoutMs: 60_000);
        ILocator iovec = page.GetByTestId("map-legend").Locator("[data-testid=term][data-term=iovec]");
        await iovec.ScrollIntoViewIfNeededAsync();

        await iovec.HoverAsync();

        ILocator tip = Tooltip(page);
        await Expect.TextAsync(tip, "One (address, length) pair: a piece of memory.");
        double[] box = await tip.EvaluateAsync<double[]>("e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; }");
        Assert.True(box[0] >= 0 && box[1] <= width, $"the tooltip spans {box[0]}..{box[1]} of {width} px");
        await page.WaitForTimeoutAsync(400); // the tooltip fades in
        await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Screenshots, $"term-hover-iovec-{width}-{theme}.png") }); // the viewport: the tooltip by its word
        await page.Mouse.MoveAsync(1, 1);
        await tip.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.CloseAsync();
    }
}
