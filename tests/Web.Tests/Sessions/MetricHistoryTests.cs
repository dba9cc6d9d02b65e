using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Sessions;

/// <summary>Chart samples of a metric's history: every step while they fit, else a fixed grid that keeps what was drawn.</summary>
public sealed class MetricHistoryTests
{
    private static MetricHistory History(int steps)
    {
        var history = new MetricHistory();
        for (int step = 0; step < steps; step++)
        {
            history.Record(step, [new MetricValue("m", step * 10, "", "")]);
        }

        return history;
    }

    [Fact]
    public void EveryStepWhileTheyFit()
    {
        var (steps, values) = History(8).Sample("m", 7, 8);

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], steps);
        Assert.Equal(70, values[^1]);
    }

    [Fact]
    public void ThenEveryKthStepAndTheLastWithinTheLimit()
    {
        var history = History(100);

        var (steps, values) = history.Sample("m", 20, 8);

        Assert.Equal([0, 4, 8, 12, 16, 20], steps);
        Assert.Equal([0d, 40, 80, 120, 160, 200], values);
        Assert.Equal([0, 4, 8, 12, 16, 20, 21], history.Sample("m", 21, 8).Steps); // the last step, off the grid
        Assert.All(Enumerable.Range(0, 100), step => Assert.True(history.Sample("m", step, 8).Steps.Length <= 8));
    }

    [Fact]
    public void PointsOnTheGridStayAsTheRunGrowsUntilTheStrideDoubles()
    {
        var history = History(400);

        int[] before = history.Sample("m", 201, 64).Steps;
        int[] after = history.Sample("m", 240, 64).Steps;

        Assert.Equal(before[..^1], after[..(before.Length - 1)]); // all but the last point (step 201 is off the grid of 4)
        Assert.Equal(before.Length - 1, Array.IndexOf(after, 204)); // the next grid point takes its place
    }
}
