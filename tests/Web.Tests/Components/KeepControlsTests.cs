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

    [Fact]
    public void LanesShowEachRequestsPhasesAndStatus()
    {
        using var vm = At("current", "2000");
        var cut = Render<RequestLanes>(p => p.Add(c => c.Lanes, KeepViewModel.Lanes(vm.Snapshot!)).Add(c => c.Hidden, 5));

        var lanes = cut.FindAll("[data-testid=lane]");
        Assert.Equal(KeepViewModel.MaxLanes, lanes.Count);
        Assert.Equal("200", lanes[0].QuerySelector("[data-testid=lane-status]")!.TextContent);
        Assert.NotNull(lanes[0].QuerySelector(".bar.filling"));
        Assert.NotNull(lanes[0].QuerySelector(".bar.streaming"));
        Assert.Contains("5 more requests", cut.Find("[data-testid=lanes-hidden]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFanOutListsWhichRequestsSharedAFetch()
    {
        using var vm = At("coalescing", "end");
        var cut = Render<FanOutList>(p => p.Add(c => c.Flights, KeepViewModel.SharedFlights(vm.Snapshot!)));

        var flights = cut.FindAll("[data-testid=fanout-flight]");
        Assert.Equal(4, flights.Count);
        Assert.Contains("served 100 requests", flights[0].TextContent, StringComparison.Ordinal);
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
