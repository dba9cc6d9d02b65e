using AngleSharp.Dom;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.Tests.Components;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.TimeTravel;

/// <summary>The timeline, run controls and help, rendered with bUnit.</summary>
public sealed class TimelineComponentTests : ComponentTest
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public void MarksSitAtTheirStepsWithATipAndALegendByKind()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"), ("step", "11"));
        var cut = Render<Timeline>(p => p.Add(c => c.Step, vm.Step).Add(c => c.LastStep, vm.LastStep).Add(c => c.Marks, vm.Marks).Add(c => c.MarkCounts, vm.MarkCounts).Add(c => c.MarkTotal, vm.MarkTotal));

        IElement[] marks = [.. cut.FindAll("[data-testid=timeline-mark]")];
        Assert.Equal(["10", "13"], marks.Select(m => m.GetAttribute("data-step")));
        Assert.Equal("left: 71.429%", marks[0].GetAttribute("style"));
        Assert.Equal("step 10: Back → Front", marks[0].GetAttribute("data-tip"));
        Assert.Equal("step 10, mode changed: Back → Front", marks[0].GetAttribute("aria-label"));
        Assert.Equal(["0", "-1"], marks.Select(m => m.GetAttribute("tabindex"))); // one tab stop
        Assert.Contains("mark-mode", marks[0].ClassName, StringComparison.Ordinal);
        Assert.Equal("mode changed 2", cut.Find("[data-testid=legend-mark-mode]").TextContent.Trim());
        Assert.Equal("11", cut.Find("[data-testid=step-slider]").GetAttribute("value"));
        Assert.Contains("Previous mark: step 10", cut.Find("[data-testid=prev-mark]").GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("Next mark: step 13", cut.Find("[data-testid=next-mark]").GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void ARunWithoutMarksSaysSo()
    {
        var cut = Render<Timeline>(p => p.Add(c => c.Step, 0).Add(c => c.LastStep, 4).Add(c => c.Marks, Array.Empty<StepMark>()));

        Assert.Empty(cut.FindAll("[data-testid=timeline-mark]"));
        Assert.Contains("No marks in this run", cut.Find("[data-testid=timeline-legend]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=next-mark]").HasAttribute("disabled"));
    }

    [Fact]
    public void OnAPageTheControlsOfferPlayBackwardsJumpShareHelpAndThePausedBanner()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"), ("step", "4"));
        vm.SetSpeed(1);
        vm.PlayBackward();
        vm.PlayBackward(); // pause it: a paused view
        vm.JumpTo("99");
        var context = new SessionPageContext();
        context.Attach(this, vm, a => a(), step => $"http://localhost/stratum?{vm.QueryAt(step)}", "/stratum");

        var cut = Render<RunControls>(p => p.AddCascadingValue(context).AddCascadingValue(Shortcuts)
            .Add(c => c.Step, vm.Step).Add(c => c.LastStep, vm.LastStep).Add(c => c.Playing, vm.Playing).Add(c => c.Speed, vm.Speed));

        Assert.Equal("◀◀ Backwards", cut.Find("[data-testid=play-back-button]").TextContent.Trim());
        Assert.Equal("Play backwards (b)", cut.Find("[data-testid=play-back-button]").GetAttribute("aria-label"));
        Assert.NotNull(cut.Find("[data-testid=share-link]"));
        Assert.NotNull(cut.Find("[data-testid=help-button]"));
        Assert.Equal("'99' is not a step from 0 to 14; still at step 4.", cut.Find("[data-testid=jump-error]").TextContent);
        Assert.Equal("true", cut.Find("[data-testid=jump-input]").GetAttribute("aria-invalid"));
        Assert.StartsWith("Paused at step 4.", cut.Find("[data-testid=pause-banner]").TextContent.Trim().TrimStart('⏸').Trim(), StringComparison.Ordinal);
        Assert.Equal("◀◀ Resume", cut.Find("[data-testid=resume-button]").TextContent.Trim());
        Assert.Equal(2, cut.FindAll("[data-testid=timeline-mark]").Count);
    }

    [Fact]
    public void RenderedOnItsOwnTheControlsShowOnlyTheTransportAndTheScrubber()
    {
        var cut = Render<RunControls>(p => p.Add(c => c.Step, 0).Add(c => c.LastStep, 14).Add(c => c.Playing, false).Add(c => c.Speed, 4.0));

        Assert.Empty(cut.FindAll("[data-testid=play-back-button]"));
        Assert.Empty(cut.FindAll("[data-testid=pause-banner]"));
        Assert.NotNull(cut.Find("[data-testid=step-slider]"));
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
