using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Systems.Keep;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.Components;

public sealed class KeepControlsTests : ComponentTest
{
    private readonly SessionRegistry _registry = new();

    private KeepViewModel At(string mode, string step)
    {
        var vm = new KeepViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["mode"] = mode, ["step"] = step });
        return vm;
    }

    [Fact]
    public void TheRunPanelShowsVolumeReadsStatusesAndOneCellPerBuffer()
    {
        using var vm = At("coalescing", "end");
        var cut = Render<KeepRunPanel>(p => p.Add(c => c.Title, "run").Add(c => c.Snapshot, vm.Snapshot).Add(c => c.Totals, vm.Totals).Add(c => c.Prefix, "compare-"));

        Assert.Equal("4", cut.Find("[data-testid=compare-volume-reads]").TextContent);
        Assert.Equal("200 × 400", cut.Find("[data-testid=compare-status-200]").TextContent);
        var buffers = cut.FindAll("[data-testid=compare-buffer]");
        Assert.Equal(vm.Snapshot!.Buffers.Count, buffers.Count);
        Assert.All(buffers, b => Assert.Contains("ready", b.ClassList));
        Assert.All(cut.FindAll("[data-testid=compare-buffer-last-read]"), r => Assert.StartsWith("read ", r.TextContent, StringComparison.Ordinal));
        Assert.Equal(buffers.Count, cut.FindAll("[data-testid=compare-buffer-last-read]").Count);
    }

    [Fact]
    public void BeforeAnyBufferIsMadeThePanelSaysSo()
    {
        using var vm = At("current", "0");
        var cut = Render<KeepRunPanel>(p => p.Add(c => c.Title, "run").Add(c => c.Snapshot, vm.Snapshot).Add(c => c.Totals, vm.Totals));

        Assert.Contains("No buffer allocated yet", cut.Find("[data-testid=buffers-empty]").TextContent, StringComparison.Ordinal);
        Assert.Equal("No responses yet.", cut.Find("[data-testid=statuses]").TextContent.Trim());
    }

    private KeepViewModel Compare(string step)
    {
        var vm = new KeepViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["mode"] = "current", ["compare"] = "coalescing", ["step"] = step });
        return vm;
    }

    [Fact]
    public void LanesShowEachRequestsPhasesAndStatusUnderATimeAxis()
    {
        using var vm = At("current", "2000");
        LaneRow[] rows = KeepViewModel.Lanes(vm.Snapshot!);
        var cut = Render<RequestLanes>(p => p.Add(c => c.Lanes, rows).Add(c => c.Axis, LaneAxis.For(vm.Snapshot!.TimeUs)));

        var lanes = cut.FindAll("[data-testid=lane]");
        Assert.NotEmpty(lanes); // Virtualize renders the lanes in view; the e2e test scrolls to the last one
        Assert.Equal(vm.Snapshot!.Requests.Count, rows.Length);
        Assert.Equal($"{rows.Length} requests, all of them: scroll the lanes", cut.Find("[data-testid=lanes-count]").TextContent);
        Assert.Equal("200", lanes[0].QuerySelector("[data-testid=lane-status]")!.TextContent);
        Assert.NotNull(lanes[0].QuerySelector(".bar.filling"));
        Assert.NotNull(lanes[0].QuerySelector(".bar.streaming"));
        var ticks = cut.FindAll("[data-testid=lanes-tick]").Select(t => t.TextContent).ToList();
        Assert.Equal("0 ms", ticks[0]);
        Assert.InRange(ticks.Count, 3, 11);
        Assert.All(ticks, t => Assert.EndsWith(" ms", t, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=lanes-hidden]")); // nothing is left out any more
    }

    [Fact]
    public void ComparingDrawsBothRunsLanesOnOneAxis()
    {
        using var vm = Compare("800");
        var cut = Render<LanesCard>(p => p.Add(c => c.Snapshot, vm.Snapshot).Add(c => c.MainTitle, vm.MainTitle)
            .Add(c => c.CompareSnapshot, vm.CompareSnapshot).Add(c => c.CompareTitle, vm.CompareTitle));

        Assert.Equal($"{vm.Snapshot!.Requests.Count} requests, all of them: scroll the lanes", cut.Find("[data-testid=lanes-count]").TextContent);
        Assert.Equal($"{vm.CompareSnapshot!.Requests.Count} requests, all of them: scroll the lanes", cut.Find("[data-testid=compare-lanes-count]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=compare-lane]"));
        Assert.Equal(cut.FindAll("[data-testid=lanes-tick]").Select(t => t.TextContent), cut.FindAll("[data-testid=compare-lanes-tick]").Select(t => t.TextContent));
        Assert.Equal(["current", "coalescing"], cut.FindAll(".lanes-title").Select(t => t.TextContent));
    }

    [Fact]
    public void EveryLaneBarsHoverUsesTheLegendsWords()
    {
        using var vm = Compare("800");
        var cut = Render<LanesCard>(p => p.Add(c => c.Snapshot, vm.Snapshot).Add(c => c.CompareSnapshot, vm.CompareSnapshot));

        string legend = cut.Find("[data-testid=lanes-legend]").TextContent;
        var bars = cut.FindAll(".bar");
        Assert.NotEmpty(bars);
        foreach (var bar in bars)
        {
            (string css, string words) = LanePhases.All.Select(p => (p.Css, p.Words)).Single(p => bar.ClassList.Contains(p.Css));
            Assert.Contains($" {words}: ", bar.GetAttribute("title"), StringComparison.Ordinal);
            Assert.Contains(words, legend, StringComparison.Ordinal);
        }

        var shared = cut.FindAll(".lane-label").First(l => l.TextContent.EndsWith('⇄'));
        Assert.Contains(LanePhases.SharedWords, shared.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains($"⇄ {LanePhases.SharedWords}", legend, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFanOutDrawsOneBarPerFetchAsLongAsTheRequestsItServed()
    {
        using var vm = At("coalescing", "end");
        FanOutPicture picture = FanOutPicture.From(vm.Snapshot!, vm.Totals!);
        var cut = Render<FanOutDiagram>(p => p.Add(c => c.Picture, picture).Add(c => c.Scale, picture.MostServed).Add(c => c.RequestScale, picture.Requests));

        var flights = cut.FindAll("[data-testid=fanout-flight]");
        Assert.Equal(4, flights.Count);
        Assert.All(flights, f => Assert.Equal("100 requests", f.QuerySelector("[data-testid=fanout-served]")!.TextContent));
        Assert.All(flights, f => Assert.Contains("1 MiB from volume", f.TextContent, StringComparison.Ordinal));
        Assert.All(flights, f => Assert.NotNull(f.QuerySelector(".fo-starter")));
        Assert.Contains(flights, f => f.QuerySelector(".fo-joined") is not null);
        Assert.Equal("4", cut.Find("[data-testid=fanout-reads]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=fanout-more]"));
    }

    [Fact]
    public void ComparingWithCoalescingDrawsTwoFanOutsAndNeverSaysToCompareWithCoalescing()
    {
        using var vm = Compare("end");
        var cut = Render<FanOutCard>(p => p.Add(c => c.Snapshot, vm.Snapshot).Add(c => c.Totals, vm.Totals).Add(c => c.MainTitle, vm.MainTitle)
            .Add(c => c.CompareSnapshot, vm.CompareSnapshot).Add(c => c.CompareTotals, vm.CompareTotals).Add(c => c.CompareTitle, vm.CompareTitle));

        Assert.NotNull(cut.Find("svg[data-testid=fanout]"));
        Assert.NotNull(cut.Find("svg[data-testid=compare-fanout]"));
        Assert.Equal(FanOutPicture.MaxSingleRows, cut.FindAll("[data-testid=fanout-flight]").Count);
        Assert.All(cut.FindAll("[data-testid=fanout-served]"), s => Assert.Equal("1 request", s.TextContent));
        Assert.Equal("and 397 more fetches, each served 1 request", cut.Find("[data-testid=fanout-more]").TextContent);
        Assert.Equal(4, cut.FindAll("[data-testid=compare-fanout-flight]").Count);
        Assert.DoesNotContain("ompare with coalescing", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("What differs: current: 400 requests cost 400 volume reads (400 MiB read); each fetch served one request; " +
            "coalescing: 400 requests cost 4 volume reads (4 MiB read); one read served up to 100 requests.", cut.Find("[data-testid=fanout-caption]").TextContent);
    }

    [Fact]
    public void WithNoRunThatCoalescesTheFanOutSaysToCompareWithCoalescing()
    {
        using var vm = At("current", "end");
        var cut = Render<FanOutCard>(p => p.Add(c => c.Snapshot, vm.Snapshot).Add(c => c.Totals, vm.Totals).Add(c => c.MainTitle, vm.MainTitle));

        Assert.Single(cut.FindAll("svg.fanout"));
        Assert.Contains("Compare with coalescing", cut.Find("[data-testid=fanout-caption]").TextContent, StringComparison.Ordinal);
        Assert.Equal("a fetch's full bar: 100 requests, the most that asked for one block", cut.Find("[data-testid=fanout-scale]").TextContent.Trim());
        Assert.Equal("1%", cut.Find("[data-testid=fanout-flight] .fo-starter").GetAttribute("width")); // one of the 100 that could have shared it
    }

    [Fact]
    public void AFailedFetchIsOutlinedAndItsKeyExplained()
    {
        var vm = new KeepViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = "keep-volume-failure", ["mode"] = "coalescing", ["step"] = "end" });
        using (vm)
        {
            var cut = Render<FanOutCard>(p => p.Add(c => c.Snapshot, vm.Snapshot).Add(c => c.Totals, vm.Totals).Add(c => c.MainTitle, vm.MainTitle));

            var failed = cut.FindAll("[data-testid=fanout-flight].failed");
            Assert.NotEmpty(failed);
            Assert.All(failed, f => Assert.EndsWith(" · failed", f.QuerySelector(".fo-note")!.TextContent, StringComparison.Ordinal));
            Assert.Contains(failed, f => f.QuerySelector(".fo-joined") is not null); // the error fanned out to its sharers
            Assert.Contains("every request sharing it got its error", cut.Find("[data-testid=fanout-legend]").TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BeforeAnyFetchTheFanOutSaysSo()
    {
        using var vm = At("coalescing", "0");
        var cut = Render<FanOutCard>(p => p.Add(c => c.Snapshot, vm.Snapshot).Add(c => c.Totals, vm.Totals).Add(c => c.MainTitle, vm.MainTitle));

        Assert.Equal("No block has been fetched yet.", cut.Find("[data-testid=fanout-empty]").TextContent);
        Assert.DoesNotContain("Compare with coalescing", cut.Markup, StringComparison.Ordinal);
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
