using Bunit;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>The metric diff as a MudDataGrid: its rows keep their test ids and data, numbers sit right, and it sorts and filters.</summary>
public sealed class DataGridTests : ComponentTest
{
    private static readonly MetricDiffRow[] Rows =
    [
        MetricDiff.Row("sv2.messages.heap", "messages on the heap", "{message}", 3, 2),
        MetricDiff.Row("sv2.invariant_violations", "broken invariants", "{violation}", 0, 0),
        MetricDiff.Row("sv2.bytes", "bytes written", "By", 1024, 4096),
    ];

    private IRenderedComponent<MetricDiffTable> RenderDiff() =>
        Render<MetricDiffTable>(p => p.Add(c => c.Rows, Rows).Add(c => c.FirstTitle, "Faithful").Add(c => c.SecondTitle, "Fixed"));

    private static string[] Metrics(IRenderedComponent<MetricDiffTable> cut) =>
        [.. cut.FindAll("tbody tr [data-testid=metric-row]").Select(r => r.GetAttribute("data-metric")!)];

    [Fact]
    public void EachRowKeepsItsMetricAndWhetherItDiffersWithTheValuesInItsCellsRightAligned()
    {
        var cut = RenderDiff();

        var table = cut.Find("table");
        Assert.Equal("Metrics of both runs, their difference and ratio", table.GetAttribute("aria-label"));
        Assert.Equal(["metric", "Faithful", "Fixed", "difference", "ratio"], cut.FindAll("thead th .column-header").Select(h => h.TextContent.Trim()));
        Assert.Equal(["sv2.messages.heap", "sv2.invariant_violations", "sv2.bytes"], Metrics(cut));
        var heap = cut.FindAll("tbody tr")[0];
        Assert.Contains("differs", heap.ClassList);
        Assert.Equal("true", heap.QuerySelector("[data-testid=metric-row]")!.GetAttribute("data-differs"));
        Assert.Equal(("3", "2", "−1", "×0.67"), (heap.QuerySelector("[data-testid=metric-first]")!.TextContent, heap.QuerySelector("[data-testid=metric-second]")!.TextContent,
            heap.QuerySelector("[data-testid=metric-diff-value]")!.TextContent, heap.QuerySelector("[data-testid=metric-ratio]")!.TextContent));
        Assert.All(heap.QuerySelectorAll("td").Skip(1), td => Assert.Contains("num", td.ClassList));
        var same = cut.FindAll("tbody tr")[1];
        Assert.Contains("same", same.ClassList);
        Assert.Equal(("false", ""), (same.QuerySelector("[data-testid=metric-row]")!.GetAttribute("data-differs"), same.QuerySelector("[data-testid=metric-ratio]")!.TextContent));
    }

    [Fact]
    public void ItSortsByTheDifferenceAndShowsOnlyDifferingMetricsWhenAsked()
    {
        var cut = RenderDiff();

        cut.FindAll("thead th .sortable-column-header")[3].Click(); // difference, ascending
        Assert.Equal(["sv2.messages.heap", "sv2.invariant_violations", "sv2.bytes"], Metrics(cut));
        cut.FindAll("thead th .sortable-column-header")[3].Click(); // descending
        Assert.Equal(["sv2.bytes", "sv2.invariant_violations", "sv2.messages.heap"], Metrics(cut));

        cut.Find("[data-testid=metric-diff-only]").Change(true);
        Assert.Equal(["sv2.bytes", "sv2.messages.heap"], Metrics(cut));
    }

    [Fact]
    public void TheGridScrollsInsideItselfAndNeverStacksIntoCardsOnAPhone()
    {
        var cut = RenderDiff();

        var grid = cut.Find("[data-testid=metric-diff-grid]");
        Assert.Contains("overflow-x:auto", grid.GetAttribute("style")?.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(grid.ClassList, c => c.EndsWith("-table", StringComparison.Ordinal) && c.StartsWith("mud-xs", StringComparison.Ordinal)); // Breakpoint.None: no card layout
        Assert.Contains("mud-table-dense", grid.ClassList);
    }
}
