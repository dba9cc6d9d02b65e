using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>The chart's tools, its table view, and the PNG action of drawn views, as markup.</summary>
public sealed class ChartExportControlsTests
{
    private static readonly ChartSeries[] Lines = [new("pool", [0, 1, 2], [0, 2, 1]), new("heap", [0, 2], [5, 6.25])];

    [Fact]
    public async Task EveryChartHasATableToggleAndCsvAndPngButtonsWithNames()
    {
        var doc = await ComponentRenderer.RenderAsync<PlotlyChart>(new() { ["Title"] = "Bytes moved", ["TestId"] = "chart-bytes", ["Series"] = Lines, ["YTitle"] = "bytes" });

        var toggle = doc.QuerySelector("[data-testid=chart-bytes-table-toggle]")!;
        Assert.Equal("button", toggle.LocalName);
        Assert.Equal("false", toggle.GetAttribute("aria-pressed"));
        Assert.Equal("Show Bytes moved as a table", toggle.GetAttribute("aria-label"));
        Assert.Equal("Download Bytes moved as CSV", doc.QuerySelector("[data-testid=chart-bytes-csv]")!.GetAttribute("aria-label"));
        Assert.Equal("Download Bytes moved as a PNG image", doc.QuerySelector("[data-testid=chart-bytes-png]")!.GetAttribute("aria-label"));
        Assert.Null(doc.QuerySelector("[data-testid=chart-bytes-table]")); // the chart shows first
        Assert.False(doc.QuerySelector("[data-testid=chart-bytes]")!.HasAttribute("hidden"));
        Assert.Equal("Bytes moved", doc.QuerySelector("figure figcaption")!.TextContent);
        Assert.Equal(doc.QuerySelector("figcaption")!.Id, doc.QuerySelector("figure")!.GetAttribute("aria-labelledby"));
    }

    [Fact]
    public async Task TheTableHasTheTitleAsCaptionAColumnPerLineAndARowPerX()
    {
        var doc = await ComponentRenderer.RenderAsync<ChartTableView>(new() { ["Table"] = ChartTable.From(Lines, "step"), ["Title"] = "Bytes moved", ["TestId"] = "chart-bytes-table" });

        var table = doc.QuerySelector("table[data-testid=chart-bytes-table]")!;
        Assert.Equal("Bytes moved", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["step", "pool", "heap"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Equal(["0", "1", "2"], rows.Select(r => r.QuerySelector("th[scope=row]")!.TextContent));
        Assert.Equal(["0", "5"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(["2", ""], rows[1].QuerySelectorAll("td").Select(td => td.TextContent)); // heap has no point at step 1
        Assert.Equal(["1", "6.25"], rows[2].QuerySelectorAll("td").Select(td => td.TextContent));
        var region = doc.QuerySelector(".chart-table-wrap")!;
        Assert.Equal(("0", "region", "Bytes moved, as a table"), (region.GetAttribute("tabindex"), region.GetAttribute("role"), region.GetAttribute("aria-label")));
    }

    [Fact]
    public async Task ATableWithoutPointsSaysSo()
    {
        var doc = await ComponentRenderer.RenderAsync<ChartTableView>(new() { ["Table"] = ChartTable.From([], "step"), ["Title"] = "Empty", ["TestId"] = "t" });

        Assert.Equal("No points yet.", doc.QuerySelector("[data-testid=t-empty]")!.TextContent);
    }

    [Fact]
    public async Task AWrappedViewGetsAPngButtonNamedAfterIt()
    {
        Microsoft.AspNetCore.Components.RenderFragment content = b => b.AddMarkupContent(0, "<div data-testid=\"slot-map\">slots</div>");
        var doc = await ComponentRenderer.RenderAsync<ExportableFigure>(new() { ["TestId"] = "slot-map", ["Title"] = "the slot map", ["ChildContent"] = content });

        Assert.NotNull(doc.QuerySelector(".exportable-body [data-testid=slot-map]"));
        var button = doc.QuerySelector("button[data-testid=slot-map-png]")!;
        Assert.Equal("Download the slot map as a PNG image", button.GetAttribute("aria-label"));
        Assert.Equal("button", button.GetAttribute("type"));
    }
}
