using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BufferLab.Simulator.E2E;

/// <summary>The app bar (the pages inline on wide screens, in a drawer on narrow ones) and the keys around the controls.</summary>
[Collection(BrowserTests.Name)]
public sealed class LayoutTests(BrowserFixture browser, ITestOutputHelper output)
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

    /// <summary>Each system page's main picture and the test id on it.</summary>
    public static readonly (string Path, string Picture)[] MainPictures =
    [
        ("/stratum?scenario=readme-case3&seed=1&step=12", "slot-map"),
        ("/fuse?scenario=fuse-large-write-4m&seed=1&step=end&mode=vectored&compare=contiguous-large", "message-map"),
        ("/keep?scenario=keep-job-start-herd&seed=1&step=800&mode=current&compare=coalescing", "fanout-run"),
        ("/filestore?scenario=filestore-seed-repro&seed=1&step=60&reader=std&compare=mmap", "reader-bytes"),
    ];

    [Theory]
    [InlineData(1024, 768)]
    [InlineData(1440, 900)]
    public async Task EachSystemPagesMainPictureStartsOnTheFirstScreen(int width, int height)
    {
        IPage page = await browser.NewPageAsync(width, height);
        page.SetDefaultTimeout(30_000);
        var tops = new List<string>();
        var below = new List<string>();
        foreach ((string path, string picture) in MainPictures)
        {
            await page.GotoAsync(path, new() { Timeout = 30_000 });
            await page.WaitForSelectorAsync("html[data-interactive]");
            ILocator main = page.GetByTestId(picture).First;
            await main.WaitForAsync();
            var box = await main.BoundingBoxAsync();
            Assert.NotNull(box);
            tops.Add($"{picture} {box.Y:0}");
            if (box.Y >= height)
            {
                below.Add(path);
            }
        }

        output.WriteLine($"{width}x{height}: main picture tops {string.Join("; ", tops)}");
        Assert.True(below.Count == 0, $"at {width}x{height} the main picture starts below the first screen on {string.Join(", ", below)} (tops: {string.Join("; ", tops)})");
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
