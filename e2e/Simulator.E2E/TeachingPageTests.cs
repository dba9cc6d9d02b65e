using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>Teaching mode on the Stratum page: predict the mode (and the map), step, see it marked and explained, keep score; keyboard too.</summary>
[Collection(BrowserTests.Name)]
public sealed class TeachingPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task PredictRevealAndScore()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=9&teach=1");
        await Expect.TextAsync(page.GetByTestId("teach-question"), "Step 10 runs +9:5");
        Assert.Equal("true", await page.GetByTestId("teach-reveal").GetAttributeAsync("aria-disabled")); // a mode first
        await page.GetByTestId("teach-reveal").ClickAsync(new() { Force = true }); // aria-disabled: Playwright would wait
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 9 of 14"); // nothing ran

        await page.GetByTestId("teach-mode-front").CheckAsync();
        await page.GetByTestId("teach-map-input").FillAsync("9-345678");
        await page.GetByTestId("teach-map-input").PressAsync("Tab");
        await page.GetByTestId("teach-reveal").ClickAsync();

        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 10 of 14");
        await Expect.TextAsync(page.GetByTestId("teach-verdict"), "✔ Right — step 10");
        await Expect.TextAsync(page.GetByTestId("teach-explanation"), "Back → Front (edge 4)");
        await Expect.TextAsync(page.GetByTestId("teach-score"), "score 1 / 1 · streak 1");
        await Expect.TextAsync(page.GetByTestId("teach-question"), "Step 11 runs +10:5");
        await BrowserFixture.ScreenshotAsync(page, "stratum-teaching-right");

        // Step 11 stays in Front: Alloc is wrong, and a clicked cell that is wrong is named.
        await page.GetByTestId("teach-mode-alloc").CheckAsync();
        await page.GetByTestId("teach-cell-8").ClickAsync(); // '8' becomes free: wrong
        await page.GetByTestId("teach-reveal").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("teach-verdict"), "✘ Not quite — step 11");
        await Expect.TextAsync(page.GetByTestId("teach-map-result"), "it is 9a345678 (positions 2, 8 differ)");
        await Expect.TextAsync(page.GetByTestId("teach-score"), "score 1 / 2 · streak 0");
        await BrowserFixture.ScreenshotAsync(page, "stratum-teaching-wrong");

        await page.GetByTestId("teach-reset-score").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("teach-score"), "score 0 / 0 · streak 0");
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('teach') === '1'");
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheKeyboardAloneCanPredictAndCheck()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case3&seed=1&step=11&teach=1");
        await Expect.TextAsync(page.GetByTestId("teach-question"), "Step 12 runs -7,8");

        await page.GetByTestId("teach-mode-back").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight"); // within the radio group: Back → Front (not a step)
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 11 of 14");
        Assert.True(await page.GetByTestId("teach-mode-front").IsCheckedAsync());
        await page.Keyboard.PressAsync("Enter"); // submits the prediction

        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 12 of 14");
        await Expect.TextAsync(page.GetByTestId("teach-mode-result"), "it is Front (it stayed in Front mode)");
        await Expect.TextAsync(page.GetByTestId("teach-score"), "score 1 / 1");

        // Outside a field, 1 / 2 / 3 predict Back / Front / Alloc and C checks: step 13 turns Front → Back.
        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("1");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=teach-mode-back]').checked");
        await page.Keyboard.PressAsync("c");
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 13 of 14");
        await Expect.TextAsync(page.GetByTestId("teach-mode-result"), "it is Back (Front → Back)");
        await Expect.TextAsync(page.GetByTestId("teach-score"), "score 2 / 2 · streak 2");
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheToggleTurnsTeachingOnAndOff()
    {
        IPage page = await browser.OpenAsync("/stratum?scenario=readme-case2&seed=1");
        Assert.Equal(0, await page.GetByTestId("teach-panel").CountAsync());

        await page.GetByTestId("teach-toggle").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("teach-question"), "Step 1 runs");
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('teach') === '1'");

        await page.GetByTestId("teach-toggle").ClickAsync();
        await page.GetByTestId("teach-panel").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.CloseAsync();
    }
}
