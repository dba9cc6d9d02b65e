using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>When a chart can append points instead of redrawing its lines.</summary>
public sealed class ChartExtensionTests
{
    [Fact]
    public void LinesThatOnlyGrewSendOnlyTheirNewPoints()
    {
        ChartSeries[] drawn = [new("a", [0, 1], [5, 6]), new("b", [0, 1], [1, 1])];
        ChartSeries[] next = [new("a", [0, 1, 2, 3], [5, 6, 7, 8]), new("b", [0, 1], [1, 1])];

        var plan = ChartExtension.Plan(drawn, next, allowStaleLast: false);

        Assert.NotNull(plan);
        Assert.Equal([0], plan.Indices);
        Assert.Equal([2d, 3d], plan.X[0]);
        Assert.Equal([7d, 8d], plan.Y[0]);
        Assert.Equal(2, plan.Points);
        Assert.False(plan.KeepsStalePoints);
    }

    [Fact]
    public void AChangedEarlierPointOrOtherLinesNeedARedraw()
    {
        ChartSeries[] drawn = [new("a", [0, 1, 2], [5, 6, 7])];

        Assert.Null(ChartExtension.Plan(drawn, [new("a", [0, 1], [5, 6])], allowStaleLast: true)); // a step back
        Assert.Null(ChartExtension.Plan(drawn, [new("a", [0, 2, 4], [5, 7, 9])], allowStaleLast: true)); // the stride doubled
        Assert.Null(ChartExtension.Plan(drawn, [new("b", [0, 1, 2, 3], [5, 6, 7, 8])], allowStaleLast: true));
        Assert.Null(ChartExtension.Plan(drawn, [drawn[0], new("b", [0], [1], Run: 1)], allowStaleLast: true)); // a compared run came
    }

    [Fact]
    public void WhilePlayingTheLastPointASampleDroppedStaysAndTheNewPointsFollowIt()
    {
        // every 2nd step plus the last: at step 5 the sample ends 0 2 4 5, at step 9 it is 0 2 4 6 8 9
        ChartSeries[] drawn = [new("a", [0, 2, 4, 5], [0, 2, 4, 5])];
        ChartSeries[] next = [new("a", [0, 2, 4, 6, 8, 9], [0, 2, 4, 6, 8, 9])];

        Assert.Null(ChartExtension.Plan(drawn, next, allowStaleLast: false));
        var plan = ChartExtension.Plan(drawn, next, allowStaleLast: true);

        Assert.NotNull(plan);
        Assert.Equal([6d, 8d, 9d], plan.X[0]);
        Assert.True(plan.KeepsStalePoints);
    }
}
