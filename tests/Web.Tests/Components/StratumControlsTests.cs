using BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Systems.Stratum;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.Components;

public sealed class StratumControlsTests : ComponentTest
{
    private readonly SessionRegistry _registry = new();

    private StratumViewModel At(string scenario, string step)
    {
        var vm = new StratumViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = scenario, ["step"] = step });
        return vm;
    }

    [Fact]
    public void SlotMapDrawsEightSlotsWithLabelsModesAndStaleRecords()
    {
        using var vm = At("readme-case3", "12");
        var cut = Render<SlotMap>(p => p.Add(c => c.Cells, vm.SlotCells()));

        var slots = cut.FindAll("[data-testid^=slot-]").Where(e => e.GetAttribute("data-testid") != "slot-map").ToArray();
        Assert.Equal(8, slots.Length);
        Assert.Equal(["9", "a", "3", "4", "5", "6", "-", "-"], slots.Select(s => s.QuerySelector(".slot-label")!.TextContent));
        Assert.Contains("front", slots[0].ClassList);
        Assert.Contains("back", slots[2].ClassList);
        Assert.Contains("free", slots[6].ClassList);
        Assert.Contains("stale", slots[6].QuerySelector(".slot-record")!.ClassList);
        Assert.Equal("10", slots[1].GetAttribute("data-ids"));
    }

    [Fact]
    public void SlotMapFlagsADuplicateIndex()
    {
        using var vm = At("bug-b3-duplicate-index", "12");
        var cut = Render<SlotMap>(p => p.Add(c => c.Cells, vm.SlotCells()));

        var slot2 = cut.Find("[data-testid=slot-2]");
        Assert.Contains("duplicate", slot2.ClassList);
        Assert.Equal("2/10", slot2.GetAttribute("data-ids"));
        Assert.Equal("*", slot2.QuerySelector(".slot-label")!.TextContent);
        Assert.Contains("DUPLICATE INDEX", slot2.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void StatePanelShowsTheSharedStateBitsAndFront()
    {
        using var vm = At("readme-case3", "11");
        var cut = Render<StatePanel>(p => p.Add(c => c.Snapshot, vm.Snapshot));

        Assert.Equal("Front", cut.Find("[data-testid=state-mode]").TextContent);
        Assert.Equal(8, cut.FindAll("[data-testid=state-ss] span.on").Count);
        Assert.Equal("back_start 2, byte_capacity 10, len 2", cut.Find("[data-testid=state-front]").TextContent);
    }

    [Fact]
    public void ByteMapPlacesSlicesAtTheirOffsets()
    {
        using var vm = At("readme-case3", "11");
        var cut = Render<ByteMap>(p => p.Add(c => c.Segments, vm.ByteSegments()).Add(c => c.Capacity, vm.Snapshot!.Capacity));

        var front = cut.FindAll(".segment.slice.front").ToArray();
        Assert.Equal(2, front.Length);
        Assert.Equal("left:0%;width:12.5%", front[0].GetAttribute("style"));
        Assert.Equal("left:12.5%;width:12.5%", front[1].GetAttribute("style"));
        Assert.Single(cut.FindAll(".segment.front-region"));
    }

    [Fact]
    public void RunControlsDisableWhatCannotBeDone()
    {
        var cut = Render<RunControls>(p => p.Add(c => c.Step, 0).Add(c => c.LastStep, 14).Add(c => c.Playing, false).Add(c => c.Speed, 4.0));

        Assert.True(cut.Find("[data-testid=back-button]").HasAttribute("disabled"));
        Assert.False(cut.Find("[data-testid=step-button]").HasAttribute("disabled"));
        Assert.Equal("step 0 of 14", cut.Find("[data-testid=step-counter]").TextContent);
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
