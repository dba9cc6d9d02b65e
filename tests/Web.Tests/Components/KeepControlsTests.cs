using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.Components;

public sealed class KeepControlsTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    private KeepViewModel At(string mode, string step)
    {
        var vm = new KeepViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["mode"] = mode, ["step"] = step });
        return vm;
    }

    [Fact]
    public async Task TheRunPanelShowsVolumeReadsStatusesAndOneCellPerBuffer()
    {
        using var vm = At("coalescing", "end");
        var doc = await ComponentRenderer.RenderAsync<KeepRunPanel>(new() { ["Title"] = "run", ["Snapshot"] = vm.Snapshot, ["Totals"] = vm.Totals, ["Prefix"] = "compare-" });

        Assert.Equal("4", doc.QuerySelector("[data-testid=compare-volume-reads]")!.TextContent);
        Assert.Equal("200 × 400", doc.QuerySelector("[data-testid=compare-status-200]")!.TextContent);
        var buffers = doc.QuerySelectorAll("[data-testid=compare-buffer]");
        Assert.Equal(vm.Snapshot!.Buffers.Count, buffers.Length);
        Assert.All(buffers, b => Assert.Contains("ready", b.ClassList));
        Assert.All(doc.QuerySelectorAll("[data-testid=compare-buffer-last-read]"), r => Assert.StartsWith("read ", r.TextContent, StringComparison.Ordinal));
        Assert.Equal(buffers.Length, doc.QuerySelectorAll("[data-testid=compare-buffer-last-read]").Length);
    }

    [Fact]
    public async Task BeforeAnyBufferIsMadeThePanelSaysSo()
    {
        using var vm = At("current", "0");
        var doc = await ComponentRenderer.RenderAsync<KeepRunPanel>(new() { ["Title"] = "run", ["Snapshot"] = vm.Snapshot, ["Totals"] = vm.Totals });

        Assert.Contains("No buffer allocated yet", doc.QuerySelector("[data-testid=buffers-empty]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("No responses yet.", doc.QuerySelector("[data-testid=statuses]")!.TextContent.Trim());
    }

    [Fact]
    public async Task LanesShowEachRequestsPhasesAndStatus()
    {
        using var vm = At("current", "2000");
        var doc = await ComponentRenderer.RenderAsync<RequestLanes>(new() { ["Lanes"] = KeepViewModel.Lanes(vm.Snapshot!), ["Hidden"] = 5 });

        var lanes = doc.QuerySelectorAll("[data-testid=lane]");
        Assert.Equal(KeepViewModel.MaxLanes, lanes.Length);
        Assert.Equal("200", lanes[0].QuerySelector("[data-testid=lane-status]")!.TextContent);
        Assert.NotNull(lanes[0].QuerySelector(".bar.filling"));
        Assert.NotNull(lanes[0].QuerySelector(".bar.streaming"));
        Assert.Contains("5 more requests", doc.QuerySelector("[data-testid=lanes-hidden]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFanOutListsWhichRequestsSharedAFetch()
    {
        using var vm = At("coalescing", "end");
        var doc = await ComponentRenderer.RenderAsync<FanOutList>(new() { ["Flights"] = KeepViewModel.SharedFlights(vm.Snapshot!) });

        var flights = doc.QuerySelectorAll("[data-testid=fanout-flight]");
        Assert.Equal(4, flights.Length);
        Assert.Contains("served 100 requests", flights[0].TextContent, StringComparison.Ordinal);
    }

    public void Dispose() => _registry.Dispose();
}
