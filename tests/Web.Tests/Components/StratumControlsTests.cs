using BufferLab.Simulator.Engine.Telemetry.StratumV2;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.Components;

public sealed class StratumControlsTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    private StratumViewModel At(string scenario, string step)
    {
        var vm = new StratumViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = scenario, ["step"] = step });
        return vm;
    }

    [Fact]
    public async Task SlotMapDrawsEightSlotsWithLabelsModesAndStaleRecords()
    {
        using var vm = At("readme-case3", "12");
        var doc = await ComponentRenderer.RenderAsync<SlotMap>(new() { ["Cells"] = vm.SlotCells() });

        var slots = doc.QuerySelectorAll("[data-testid^=slot-]").Where(e => e.GetAttribute("data-testid") != "slot-map").ToArray();
        Assert.Equal(8, slots.Length);
        Assert.Equal(["9", "a", "3", "4", "5", "6", "-", "-"], slots.Select(s => s.QuerySelector(".slot-label")!.TextContent));
        Assert.Contains("front", slots[0].ClassList);
        Assert.Contains("back", slots[2].ClassList);
        Assert.Contains("free", slots[6].ClassList);
        Assert.Contains("stale", slots[6].QuerySelector(".slot-record")!.ClassList);
        Assert.Equal("10", slots[1].GetAttribute("data-ids"));
    }

    [Fact]
    public async Task SlotMapFlagsADuplicateIndex()
    {
        using var vm = At("bug-b3-duplicate-index", "12");
        var doc = await ComponentRenderer.RenderAsync<SlotMap>(new() { ["Cells"] = vm.SlotCells() });

        var slot2 = doc.QuerySelector("[data-testid=slot-2]")!;
        Assert.Contains("duplicate", slot2.ClassList);
        Assert.Equal("2/10", slot2.GetAttribute("data-ids"));
        Assert.Equal("*", slot2.QuerySelector(".slot-label")!.TextContent);
        Assert.Contains("DUPLICATE INDEX", slot2.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatePanelShowsTheSharedStateBitsAndFront()
    {
        using var vm = At("readme-case3", "11");
        var doc = await ComponentRenderer.RenderAsync<StatePanel>(new() { ["Snapshot"] = vm.Snapshot });

        Assert.Equal("Front", doc.QuerySelector("[data-testid=state-mode]")!.TextContent);
        Assert.Equal(8, doc.QuerySelectorAll("[data-testid=state-ss] span.on").Length);
        Assert.Equal("back_start 2, byte_capacity 10, len 2", doc.QuerySelector("[data-testid=state-front]")!.TextContent);
    }

    [Fact]
    public async Task ByteMapPlacesSlicesAtTheirOffsets()
    {
        using var vm = At("readme-case3", "11");
        var doc = await ComponentRenderer.RenderAsync<ByteMap>(new() { ["Segments"] = vm.ByteSegments(), ["Capacity"] = vm.Snapshot!.Capacity });

        var front = doc.QuerySelectorAll(".segment.slice.front").ToArray();
        Assert.Equal(2, front.Length);
        Assert.Equal("left:0%;width:12.5%", front[0].GetAttribute("style"));
        Assert.Equal("left:12.5%;width:12.5%", front[1].GetAttribute("style"));
        Assert.Single(doc.QuerySelectorAll(".segment.front-region"));
    }

    [Fact]
    public async Task RunControlsDisableWhatCannotBeDone()
    {
        var doc = await ComponentRenderer.RenderAsync<RunControls>(new() { ["Step"] = 0, ["LastStep"] = 14, ["Playing"] = false, ["Speed"] = 4.0 });

        Assert.True(doc.QuerySelector("[data-testid=back-button]")!.HasAttribute("disabled"));
        Assert.False(doc.QuerySelector("[data-testid=step-button]")!.HasAttribute("disabled"));
        Assert.Equal("step 0 of 14", doc.QuerySelector("[data-testid=step-counter]")!.TextContent);
    }

    public void Dispose() => _registry.Dispose();
}
