using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>The chart's tools, its table view, and the PNG action of drawn views, as markup.</summary>
public sealed class ChartExportControlsTests : ComponentTest
{
    private static readonly ChartSeries[] Lines = [new("pool", [0, 1, 2], [0, 2, 1]), new("heap", [0, 2], [5, 6.25])];

    [Fact]
    public void EveryChartHasAResetZoomATableToggleAndCsvAndPngButtonsWithNames()
    {
        var cut = Render<MetricChart>(p => p.Add(c => c.Title, "Bytes moved").Add(c => c.TestId, "chart-bytes").Add(c => c.Series, Lines).Add(c => c.YTitle, "bytes"));

        var toggle = cut.Find("[data-testid=chart-bytes-table-toggle]");
        Assert.Equal("button", toggle.LocalName);
        Assert.Equal("false", toggle.GetAttribute("aria-pressed"));
        Assert.Equal("Show Bytes moved as a table", toggle.GetAttribute("aria-label"));
        Assert.Equal("Download Bytes moved as CSV", cut.Find("[data-testid=chart-bytes-csv]").GetAttribute("aria-label"));
        Assert.Equal("Download Bytes moved as a PNG image", cut.Find("[data-testid=chart-bytes-png]").GetAttribute("aria-label"));
        var reset = cut.Find("[data-testid=chart-bytes-reset-zoom]");
        Assert.Equal(("button", "Reset the zoom of Bytes moved"), (reset.LocalName, reset.GetAttribute("aria-label")));
        Assert.Equal(["Reset zoom", "Table", "CSV", "PNG"], cut.FindAll(".chart-tools button").Select(b => b.TextContent));
        Assert.Empty(cut.FindAll("[data-testid=chart-bytes-table]")); // the chart shows first
        var chart = cut.WaitForElement("[data-testid=chart-bytes]"); // Plotly.Blazor's div, once the theme's colours are read
        Assert.False(chart.HasAttribute("hidden"));
        Assert.Contains("chart", chart.ClassList);
        Assert.Equal("Bytes moved", cut.Find("figure figcaption").TextContent);
        Assert.Equal(cut.Find("figcaption").Id, cut.Find("figure").GetAttribute("aria-labelledby"));
    }

    [Fact]
    public void ShowingTheTableHidesTheChartAndTheResetZoom()
    {
        var cut = Render<MetricChart>(p => p.Add(c => c.Title, "Bytes moved").Add(c => c.TestId, "chart-bytes").Add(c => c.Series, Lines));
        cut.WaitForElement("[data-testid=chart-bytes]");

        cut.Find("[data-testid=chart-bytes-table-toggle]").Click();

        Assert.Equal("true", cut.Find("[data-testid=chart-bytes-table-toggle]").GetAttribute("aria-pressed"));
        Assert.NotNull(cut.Find("table[data-testid=chart-bytes-table]"));
        Assert.True(cut.Find(".chart-frame").HasAttribute("hidden"));
        Assert.True(cut.Find("[data-testid=chart-bytes-reset-zoom]").HasAttribute("disabled"));
    }

    [Fact]
    public void TheTableIsNamedByTheTitleWithAColumnPerLineAndARowPerX()
    {
        var cut = Render<ChartTableView>(p => p.Add(c => c.Table, ChartTable.From(Lines, "step")).Add(c => c.Title, "Bytes moved").Add(c => c.TestId, "chart-bytes-table"));

        var table = cut.Find("table[data-testid=chart-bytes-table]");
        Assert.Equal("Bytes moved", table.GetAttribute("aria-label"));
        Assert.Equal(["step", "pool", "heap"], table.QuerySelectorAll("thead th .column-header").Select(th => th.TextContent.Trim()));
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Equal(["0", "1", "2"], cut.FindAll("[data-testid=chart-bytes-table-x]").Select(x => x.TextContent));
        Assert.Equal(["0", "5"], rows[0].QuerySelectorAll("td").Skip(1).Select(td => td.TextContent));
        Assert.Equal(["2", ""], rows[1].QuerySelectorAll("td").Skip(1).Select(td => td.TextContent)); // heap has no point at step 1
        Assert.Equal(["1", "6.25"], rows[2].QuerySelectorAll("td").Skip(1).Select(td => td.TextContent));
        Assert.All(table.QuerySelectorAll("td"), td => Assert.Contains("num", td.ClassList)); // numbers right-aligned
        var region = cut.Find(".chart-table-wrap");
        Assert.Equal(("region", "Bytes moved, as a table"), (region.GetAttribute("role"), region.GetAttribute("aria-label")));
    }

    [Fact]
    public void ClickingALinesHeaderSortsTheRowsByItsValues()
    {
        var cut = Render<ChartTableView>(p => p.Add(c => c.Table, ChartTable.From(Lines, "step")).Add(c => c.Title, "Bytes moved").Add(c => c.TestId, "chart-bytes-table"));

        cut.FindAll("thead th .sortable-column-header")[1].Click(); // pool, ascending: 0 (step 0), 1 (step 2), 2 (step 1)

        Assert.Equal(["0", "2", "1"], cut.FindAll("[data-testid=chart-bytes-table-x]").Select(x => x.TextContent));
    }

    [Fact]
    public void ALongTableRendersOnlyTheRowsInView()
    {
        int count = ChartTableView.VirtualizeFrom * 5;
        ChartSeries[] line = [new("pool", [.. Enumerable.Range(0, count).Select(i => (double)i)], [.. Enumerable.Range(0, count).Select(i => i * 2.0)])];

        var cut = Render<ChartTableView>(p => p.Add(c => c.Table, ChartTable.From(line, "step")).Add(c => c.Title, "Long").Add(c => c.TestId, "t"));

        Assert.InRange(cut.FindAll("[data-testid=t-x]").Count, 1, ChartTableView.VirtualizeFrom);
    }

    [Fact]
    public void ATableWithoutPointsSaysSo()
    {
        var cut = Render<ChartTableView>(p => p.Add(c => c.Table, ChartTable.From([], "step")).Add(c => c.Title, "Empty").Add(c => c.TestId, "t"));

        Assert.Equal("No points yet.", cut.Find("[data-testid=t-empty]").TextContent);
    }

    [Fact]
    public void AWrappedViewGetsAPngButtonNamedAfterIt()
    {
        Microsoft.AspNetCore.Components.RenderFragment content = b => b.AddMarkupContent(0, "<div data-testid=\"slot-map\">slots</div>");
        var cut = Render<ExportableFigure>(p => p.Add(c => c.TestId, "slot-map").Add(c => c.Title, "the slot map").Add(c => c.ChildContent, content));

        Assert.NotNull(cut.Find(".exportable-body [data-testid=slot-map]"));
        var button = cut.Find("button[data-testid=slot-map-png]");
        Assert.Equal("Download the slot map as a PNG image", button.GetAttribute("aria-label"));
        Assert.Equal("button", button.GetAttribute("type"));
    }

    [Fact]
    public void WhileThePngIsDrawnTheFigureSaysSoAndTheButtonWaits()
    {
        var export = JSInterop.SetupModule("./js/export.js");
        var drawing = export.SetupVoid("elementPng", _ => true);
        Microsoft.AspNetCore.Components.RenderFragment content = b => b.AddMarkupContent(0, "<div>buffers</div>");
        var cut = Render<ExportableFigure>(p => p.Add(c => c.TestId, "buffer-grid").Add(c => c.Title, "the buffers").Add(c => c.ChildContent, content));

        cut.Find("button[data-testid=buffer-grid-png]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Drawing the PNG", cut.Find("[data-testid=buffer-grid-png-busy]").TextContent, StringComparison.Ordinal));
        Assert.True(cut.Find("button[data-testid=buffer-grid-png]").HasAttribute("disabled"));

        drawing.SetVoidResult();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=buffer-grid-png-busy]")));
        Assert.False(cut.Find("button[data-testid=buffer-grid-png]").HasAttribute("disabled"));
    }
}
