using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.ViewModels;

/// <summary>The metric diff's values: differences, ratios where they mean something, and units.</summary>
public sealed class MetricDiffTests
{
    [Theory]
    [InlineData("By", 1024d, 3072d, "1 KiB", "3 KiB", "+2 KiB", "×3")]
    [InlineData("{read}", 400d, 4d, "400", "4", "−396", "×0.01")]
    [InlineData("{read}", 0d, 4d, "0", "4", "+4", null)]
    [InlineData("ms", 940d, 940d, "940 ms", "940 ms", "0", "×1")]
    [InlineData("{bool}", 0d, 1d, "no", "yes", "no → yes", null)]
    [InlineData("us", 12.5d, 1500d, "12.5 µs", "1,500 µs", "+1,487.5 µs", "×120")]
    [InlineData("{request}", 3d, 0d, "3", "0", "−3", "×0")]
    public void FormatsValuesDifferencesAndRatios(string unit, double first, double second, string firstText, string secondText, string diff, string? ratio)
    {
        MetricDiffRow row = MetricDiff.Row("m", "a metric", unit, first, second);

        Assert.Equal((firstText, secondText, diff, ratio), (row.FirstText, row.SecondText, row.DiffText, row.RatioText));
        Assert.Equal(first != second, row.Differs);
    }

    [Fact]
    public void RowsFollowTheFirstRunAndKeepMetricsOnlyOneHas()
    {
        IReadOnlyList<MetricValue> first = [new("a", 1, "{x}", "A"), new("b", 2, "{x}", "B")];
        IReadOnlyList<MetricValue> second = [new("b", 2, "{x}", "B"), new("c", 5, "{x}", "C")];

        IReadOnlyList<MetricDiffRow> rows = MetricDiff.Rows(first, second);

        Assert.Equal(["a", "b", "c"], rows.Select(r => r.Name));
        Assert.Equal(("1", "—", "—", true), (rows[0].FirstText, rows[0].SecondText, rows[0].DiffText, rows[0].Differs));
        Assert.False(rows[1].Differs);
        Assert.Equal((null, 5d), (rows[2].First, rows[2].Second));
    }
}
