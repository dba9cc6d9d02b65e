using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>Presenting on one dashboard (no Redis): a presenter and a follower in two browser contexts.</summary>
[Collection(BrowserTests.Name)]
public sealed class PresentingPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task AFollowerFollowsAnswersTheQuizExploresAndComesBack()
    {
        IPage presenter = await browser.OpenAsync(PresentingFlow.StartPath);

        await PresentingFlow.RunAsync(presenter, async path => await browser.OpenAsync(path), "presenting-solo");
        await presenter.CloseAsync();
    }

    [Fact]
    public async Task AMistypedCodeSaysSoAndTheFormFollowsATypedShortCode()
    {
        IPage page = await browser.OpenAsync("/follow/ZZZZZZ", interactive: false);
        await Expect.TextAsync(page.GetByTestId("follow-problem"), "no presentation has the code 'ZZZZZZ'");

        await page.GetByTestId("follow-code").FillAsync("not a code");
        await page.GetByTestId("follow-go").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("follow-problem"), "is not a presentation code");
        await page.CloseAsync();
    }
}
