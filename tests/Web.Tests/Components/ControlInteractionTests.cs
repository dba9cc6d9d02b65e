using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Layout;
using BufferLab.Simulator.Web.Components.Systems.Stratum;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.Tests.TimeTravel;
using BufferLab.Simulator.Web.ViewModels;

using Microsoft.Extensions.DependencyInjection;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>The shared controls driven as a person would (click, type, change), asserting on the callbacks they raise and the markup they show.</summary>
public sealed class ControlInteractionTests : ComponentTest
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public void TheTransportButtonsRaiseTheirCallbacks()
    {
        var raised = new List<string>();
        var cut = Render<RunControls>(p => p.Add(c => c.Step, 3).Add(c => c.LastStep, 14).Add(c => c.Speed, 4.0)
            .Add(c => c.OnReset, () => raised.Add("reset")).Add(c => c.OnBack, () => raised.Add("back"))
            .Add(c => c.OnStep, () => raised.Add("step")).Add(c => c.OnTogglePlay, () => raised.Add("play")));

        cut.Find("[data-testid=step-button]").Click();
        cut.Find("[data-testid=back-button]").Click();
        cut.Find("[data-testid=play-button]").Click();
        cut.Find("[data-testid=reset-button]").Click();

        Assert.Equal(["step", "back", "play", "reset"], raised);
        Assert.Equal("step 3 of 14", cut.Find("[data-testid=step-counter]").TextContent);
    }

    [Fact]
    public void AtTheLastStepStepIsDisabledAndPlayingShowsPause()
    {
        var cut = Render<RunControls>(p => p.Add(c => c.Step, 14).Add(c => c.LastStep, 14).Add(c => c.Playing, true));

        Assert.True(cut.Find("[data-testid=step-button]").HasAttribute("disabled"));
        Assert.False(cut.Find("[data-testid=back-button]").HasAttribute("disabled"));
        Assert.Contains("Pause", cut.Find("[data-testid=play-button]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ScrubbingAndTheMarkButtonsSeek()
    {
        using StratumViewModel vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"), ("step", "11"));
        var seeks = new List<int>();
        var cut = Render<Timeline>(p => p.Add(c => c.Step, vm.Step).Add(c => c.LastStep, vm.LastStep).Add(c => c.Marks, vm.Marks)
            .Add(c => c.MarkCounts, vm.MarkCounts).Add(c => c.MarkTotal, vm.MarkTotal).Add(c => c.OnSeek, seeks.Add));

        cut.Find("[data-testid=step-slider]").Change("7");
        cut.Find("[data-testid=prev-mark]").Click();
        cut.Find("[data-testid=next-mark]").Click();
        cut.FindAll("[data-testid=timeline-mark]")[1].Click();
        cut.Find("[data-testid=step-slider]").Change("not a step"); // ignored

        Assert.Equal([7, 10, 13, 13], seeks);
    }

    [Fact]
    public void JumpSendsWhatWasTypedAndShowsTheRefusal()
    {
        var jumps = new List<string>();
        var cut = Render<JumpToStep>(p => p.Add(c => c.LastStep, 14).Add(c => c.OnJump, jumps.Add));

        cut.Find("[data-testid=jump-input]").Input("end");
        cut.Find("form").Submit();
        Assert.Equal(["end"], jumps);
        Assert.Empty(cut.FindAll("[data-testid=jump-error]"));

        cut.Render(p => p.Add(c => c.Error, "'99' is not a step from 0 to 14; still at step 4."));
        Assert.Equal("'99' is not a step from 0 to 14; still at step 4.", cut.Find("[role=alert]").TextContent);
        Assert.Equal("true", cut.Find("[data-testid=jump-input]").GetAttribute("aria-invalid"));
        Assert.Equal("jump-error", cut.Find("[data-testid=jump-input]").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void TeachingTakesAModeAndACycledSlotThenChecks()
    {
        using StratumViewModel vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"), ("step", "9"), ("teach", "1"));
        int reveals = 0;
        var cut = Render<TeachingPanel>(p => p.Add(c => c.Teaching, vm.Teaching).Add(c => c.Question, vm.Question).Add(c => c.OnReveal, () => reveals++));

        Assert.Contains("Choose a mode", cut.Markup, StringComparison.Ordinal);
        cut.Find("[data-testid=teach-mode-front]").Change(true);
        Assert.Equal(PoolMode.Front, vm.Teaching.PredictedMode);
        string before = vm.Question!.CurrentMap;
        cut.Find("[data-testid=teach-cell-1]").Click();
        Assert.Equal(8, vm.Teaching.MapGuess.Length);
        Assert.NotEqual(before[0], vm.Teaching.MapGuess[0]);
        cut.Find("[data-testid=teach-map-clear]").Click();
        Assert.Equal("", vm.Teaching.MapGuess);

        cut.Find("form").Submit();
        Assert.Equal(1, reveals);
        Assert.Equal(["1", "2", "3", "c"], Shortcuts.Keys);
    }

    [Fact]
    public void ATypedSlotMapThatCannotBeOneIsExplained()
    {
        using StratumViewModel vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"), ("step", "9"), ("teach", "1"));
        var cut = Render<TeachingPanel>(p => p.Add(c => c.Teaching, vm.Teaching).Add(c => c.Question, vm.Question));

        cut.Find("[data-testid=teach-map-input]").Change("9a!");

        Assert.NotNull(vm.Teaching.MapError);
        Assert.Equal(vm.Teaching.MapError, cut.Find("[data-testid=teach-map-error]").TextContent);
    }

    [Fact]
    public void CopyLinkCopiesThisViewsUrlAndSaysSo()
    {
        var copy = JSInterop.SetupModule("./js/share.js").Setup<bool>("copy", "http://localhost/stratum?step=4");
        copy.SetResult(true);
        var cut = Render<ShareLink>(p => p.AddCascadingValue(Page("http://localhost/stratum?step=4")));

        cut.Find("[data-testid=share-link]").Click();

        cut.WaitForAssertion(() => Assert.Equal("✓ Link copied", cut.Find("[data-testid=share-copied]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=share-url]"));
    }

    [Fact]
    public void WhenTheBrowserWillNotCopyTheLinkIsShownToCopyByHand()
    {
        var share = JSInterop.SetupModule("./js/share.js");
        share.Setup<bool>("copy", _ => true).SetResult(false);
        share.SetupVoid("select", _ => true);
        var cut = Render<ShareLink>(p => p.AddCascadingValue(Page("http://localhost/keep?step=9")));

        cut.Find("[data-testid=share-link]").Click();

        cut.WaitForAssertion(() => Assert.Equal("http://localhost/keep?step=9", cut.Find("[data-testid=share-url]").GetAttribute("value")));
        Assert.Single(share.Invocations, i => i.Identifier == "select");
        cut.Find("[aria-label='Hide the link']").Click();
        Assert.Empty(cut.FindAll("[data-testid=share-url]"));
    }

    [Fact]
    public void TheThemePickerShowsTheCircuitsThemeAndSavesAChoice()
    {
        var theme = JSInterop.SetupModule("./js/theme.js");
        theme.Setup<bool>("set", "light").SetResult(false);
        var state = Services.GetRequiredService<ThemeState>();
        state.Set(ThemeState.Dark, isDark: true); // what the server read from the cookie
        var cut = Render<ThemePicker>();

        Assert.True(cut.Find("[data-testid=theme-dark]").HasAttribute("checked"));
        cut.Find("[data-testid=theme-light]").Change(true);

        Assert.Single(theme.Invocations, i => i.Identifier == "set" && (string?)i.Arguments[0] == "light");
        cut.WaitForAssertion(() => Assert.Contains("chosen", cut.Find("[data-testid=theme-light]").ParentElement!.ClassList));
        Assert.Equal((ThemeState.Light, false), (state.Choice, state.IsDark));
    }

    private SessionPageContext Page(string url)
    {
        var context = new SessionPageContext();
        SessionViewModel vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"));
        context.Attach(this, vm, a => a(), _ => url, "/stratum");
        return context;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _registry.Dispose();
        }

        base.Dispose(disposing);
    }
}
