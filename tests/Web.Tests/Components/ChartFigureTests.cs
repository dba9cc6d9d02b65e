using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.ViewModels;
using Plotly.Blazor.Traces;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>How a chart tells its lines apart: per line alone, per run (one colour each, on every chart) when comparing.</summary>
public sealed class ChartFigureTests
{
    private static readonly ChartColours Colours = ChartColours.Fallback;

    [Fact]
    public void OneRunsLinesGetAColourAndADashEach()
    {
        ChartSeries[] lines = [new("pool", [0, 1], [1, 2]), new("heap", [0, 1], [1, 2]), new("live", [0, 1], [1, 2])];

        var traces = Enumerable.Range(0, lines.Length).Select(i => ChartFigure.Trace(lines, i, Colours)).ToArray();

        Assert.Equal([Colours.Lines[0], Colours.Lines[1], Colours.Lines[2]], traces.Select(t => (string)t.Line.Color));
        Assert.Equal(["solid", "dash", "dot"], traces.Select(t => t.Line.Dash));
        Assert.All(traces, t => Assert.Equal(Plotly.Blazor.Traces.ScatterLib.LineLib.ShapeEnum.Hv, t.Line.Shape));
        Assert.Equal(3, traces.Select(t => t.UId).Distinct().Count()); // what keeps legend toggles across redraws
        Assert.Equal("line-live-slices--readme-case1--", ChartFigure.Uid("live slices (readme-case1)")[..32]); // plotly puts it in CSS selectors
    }

    [Fact]
    public void WhenComparingEachRunHasOneColourAndTheComparedRunIsDrawnThinnerOnTop()
    {
        ChartSeries[] lines =
        [
            new("in use (current)", [0], [1]), new("waiting (current)", [0], [1]),
            new("in use (coalescing)", [0], [1], Run: 1), new("waiting (coalescing)", [0], [1], Run: 1),
        ];

        Scatter[] traces = [.. Enumerable.Range(0, lines.Length).Select(i => ChartFigure.Trace(lines, i, Colours))];

        Assert.Equal([Colours.Lines[0], Colours.Lines[0], Colours.Lines[1], Colours.Lines[1]], traces.Select(t => (string)t.Line.Color));
        Assert.Equal(["solid", "dash", "solid", "dash"], traces.Select(t => t.Line.Dash)); // a metric has the same dash in both runs
        Assert.True(traces[2].Line.Width < traces[0].Line.Width);
    }

    [Fact]
    public void TheCursorIsAVerticalLineAtTheStepAndThePngKeepsTheLegendOffTheTitle()
    {
        var page = ChartFigure.Page("step", "count", 1, Colours);
        var cursor = Assert.Single(ChartFigure.Cursor(7, Colours));
        Assert.Equal((7d, 7d, "x", "paper"), ((double)cursor.X0, (double)cursor.X1, cursor.XRef, cursor.YRef));
        Assert.Empty(ChartFigure.Cursor(null, Colours));

        var (data, layout) = ChartFigure.Export([new("a", [0, 1], [2, 3])], page, "Messages", "readme-case3 · seed 1 · step 7 of 14 · faithful", 7, Colours);

        Assert.Single(data);
        Assert.Equal("Messages", layout.Title.Text);
        Assert.Equal("readme-case3 · seed 1 · step 7 of 14 · faithful", layout.Title.Subtitle.Text);
        var legend = Assert.Single(layout.Legend);
        Assert.Equal((Plotly.Blazor.LayoutLib.LegendLib.YRefEnum.Container, 0.02m), (legend.YRef!.Value, legend.Y!.Value)); // at the bottom, under the axis
        Assert.Equal(Colours.Card, layout.PaperBgColor);
    }
}
