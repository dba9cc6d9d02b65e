using AngleSharp.Dom;
using Microsoft.AspNetCore.Components.Web;
using BufferLab.Simulator.Web.Components.Systems.Fuse;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>The FUSE run panel: the message map with its heap copy, legend and details panel, and INIT in words.</summary>
public sealed class FuseControlsTests : ComponentTest
{
    private readonly SessionRegistry _registry = new();

    private FuseViewModel At(string mode, string compare)
    {
        var vm = new FuseViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["mode"] = mode, ["compare"] = compare, ["step"] = "end" });
        return vm;
    }

    private IRenderedComponent<FuseRunPanel> Panel(FuseViewModel vm, bool compared) => Render<FuseRunPanel>(p => p
        .Add(c => c.Title, "run")
        .Add(c => c.Snapshot, compared ? vm.CompareSnapshot! : vm.Snapshot!)
        .Add(c => c.Map, compared ? vm.MessageMaps.Compare : vm.MessageMaps.Main)
        .Add(c => c.Prefix, compared ? "compare-" : ""));

    [Fact]
    public void TheContiguousPanelDrawsTheHeapCopyAsAnArrowWithItsBytes()
    {
        using var vm = At("vectored", "contiguous-large");

        var contiguous = Panel(vm, compared: true);
        IElement arrow = contiguous.Find("[data-testid=compare-heap-copy]");
        Assert.Contains("copy 4 MiB", arrow.TextContent, StringComparison.Ordinal);
        Assert.NotNull(contiguous.Find("[data-testid=compare-heap-copy-buffer]"));
        Assert.Equal(4, contiguous.FindAll("[data-testid=compare-message-map] .band.copy").Count);

        var vectored = Panel(vm, compared: false);
        Assert.Empty(vectored.FindAll("[data-testid=heap-copy]"));
        Assert.Empty(vectored.FindAll(".band.copy"));
    }

    [Fact]
    public void HoverOrFocusShowsTheDetailsAsText()
    {
        using var vm = At("vectored", "contiguous-large");
        var panel = Panel(vm, compared: true);
        Assert.Contains("Point at or tab to", panel.Find("[data-testid=compare-map-details]").TextContent, StringComparison.Ordinal);

        panel.Find("[data-testid=compare-heap-copy]").TriggerEvent("onmouseenter", new MouseEventArgs());
        Assert.Contains("ConsumeBytes copied 4 MiB", panel.Find("[data-testid=compare-map-details]").TextContent, StringComparison.Ordinal);

        panel.Find("[data-testid=compare-map-kernel] button.hdr").Focus();
        string details = panel.Find("[data-testid=compare-map-details]").TextContent;
        Assert.Contains("fuse_in_header · 40 B", details, StringComparison.Ordinal);
        Assert.Contains("block 0 (bytes 0–39)", details, StringComparison.Ordinal);
        Assert.Contains("chosen", panel.Find("[data-testid=compare-map-kernel] button.hdr").ClassList);
    }

    [Fact]
    public void TheMapHasALegendAScaleAndLabelledRows()
    {
        using var vm = At("vectored", "contiguous-large");
        var panel = Panel(vm, compared: false);

        var legend = panel.FindAll("[data-testid=map-legend] li");
        Assert.True(legend.Count >= 8);
        Assert.Contains(legend, li => li.TextContent.Contains("heap copy", StringComparison.Ordinal));
        Assert.Contains(legend, li => li.TextContent.Contains("header", StringComparison.Ordinal));
        Assert.StartsWith("To scale:", panel.Find("[data-testid=map-scale]").TextContent, StringComparison.Ordinal);
        Assert.Equal(4, panel.FindAll("[data-testid=map-buffers] .map-frame").Count);
        Assert.Equal(["hdr", "#1"], panel.FindAll("[data-testid=reply-iovec]").Select(b => b.TextContent.Trim()));
        Assert.All(panel.FindAll(".fuse-map button"), b => Assert.False(string.IsNullOrEmpty(b.GetAttribute("aria-label"))));
    }

    [Fact]
    public void EachBufferFrameCarriesShorterNamesForNarrowFrames()
    {
        using var vm = At("vectored", "contiguous-large");
        var panel = Panel(vm, compared: true);

        // the CSS shows the one that fits the frame's width (a container query per frame)
        var names = panel.FindAll("[data-testid=compare-map-buffers] .map-frame-name");
        Assert.Equal(["block 0 · 1 MiB + 4 KiB", "block 1 · 1 MiB"], names.Take(2).Select(n => n.QuerySelector(".long")!.TextContent));
        Assert.Equal(["#0 · 1 MiB + 4 KiB", "#1 · 1 MiB"], names.Take(2).Select(n => n.QuerySelector(".compact")!.TextContent));
        Assert.Equal(["#0", "#1"], names.Take(2).Select(n => n.QuerySelector(".tiny")!.TextContent));
        Assert.Equal("heap copy · 4 MiB", panel.Find("[data-testid=compare-map-heap] .map-frame.heap .compact").TextContent);
    }

    [Fact]
    public void InitIsInWordsWithEveryFlagBitNamed()
    {
        using var vm = At("vectored", "contiguous-large");
        var panel = Panel(vm, compared: false);

        Assert.Equal(["FUSE_BIG_WRITES", "FUSE_WRITEBACK_CACHE", "FUSE_MAX_PAGES"], panel.FindAll("[data-testid=init-flag]").Select(f => f.GetAttribute("data-flag")));
        Assert.Contains("7.34", panel.Find("[data-testid=init-protocol]").TextContent, StringComparison.Ordinal);
        Assert.Contains("major.minor", panel.Find("[data-testid=init-protocol]").TextContent, StringComparison.Ordinal);
        Assert.Equal("1024", panel.Find("[data-testid=kernel-max-pages]").TextContent);
        Assert.Contains("1 MiB", panel.Find("[data-testid=init-readahead]").TextContent, StringComparison.Ordinal);
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
