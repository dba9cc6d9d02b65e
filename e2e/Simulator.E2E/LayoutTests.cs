using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>The app bar (the pages inline on wide screens, in a drawer on narrow ones) and the keys around the controls.</summary>
[Collection(BrowserTests.Name)]
public sealed class LayoutTests(BrowserFixture browser)
{
    [Fact]
    public async Task AtPhoneWidthThePagesAreInTheDrawer()
    {
        IPage page = await browser.NewPageAsync(390, 844);
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("[data-circuit=on]");
        Assert.False(await page.GetByTestId("nav-keep").IsVisibleAsync()); // the inline links are hidden

        await page.GetByTestId("nav-toggle").ClickAsync();
        ILocator keep = page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "Keepstore buffers" });
        await keep.ClickAsync();
        await page.WaitForURLAsync("**/keep");
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).Filter(new() { HasText = "Arvados keepstore" }).WaitForAsync();
        await page.Locator(".mud-drawer--open").WaitForAsync(new() { State = WaitForSelectorState.Detached }); // it closed behind the choice
        await page.CloseAsync();
    }

    [Fact]
    public async Task AtDesktopWidthThePagesAreInTheAppBar()
    {
        IPage page = await browser.NewPageAsync(1440, 900);
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/");
        Assert.True(await page.GetByTestId("nav-keep").IsVisibleAsync());
        Assert.False(await page.GetByTestId("nav-toggle").IsVisibleAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task ArrowKeysOnAFocusedVariantToggleStepTheRunAndLeaveTheChoiceAlone()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=0");
        await page.GetByTestId("variant-faithful").FocusAsync();

        await page.Keyboard.PressAsync("ArrowRight");
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 1 of 14");
        Assert.Equal("true", await page.GetByTestId("variant-faithful").GetAttributeAsync("aria-checked"));
        Assert.Equal("false", await page.GetByTestId("variant-fixed").GetAttributeAsync("aria-checked"));
        await page.CloseAsync();
    }
}
