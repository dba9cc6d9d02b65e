using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.StratumV2;
using BufferLab.Simulator.Web.Components.Systems.Keep;
using BufferLab.Simulator.Web.Components.Systems.Stratum;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.Exports;

/// <summary>A chart's CSV and table hold exactly the points it plots.</summary>
public sealed class ChartTableTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public void CsvRowsAreTheStratumChartsSeriesExactly()
    {
        using var vm = new StratumViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = "readme-case3", ["seed"] = "1", ["step"] = "end" });
        IReadOnlyList<ChartSeries> series = vm.Series((Sv2Metric.PoolMessages, "messages in the pool"), (Sv2Metric.HeapMessages, "messages on the heap"), (Sv2Metric.LiveSlices, "live slices"));

        string[][] csv = Parse(ChartTable.From(series, "step").ToCsv());

        Assert.Equal(["step", "messages in the pool", "messages on the heap", "live slices"], csv[0]);
        Assert.Equal(15, csv.Length - 1); // steps 0 .. 14
        for (int i = 0; i < 15; i++)
        {
            Assert.Equal(series[0].X[i], double.Parse(csv[i + 1][0], CultureInfo.InvariantCulture));
            for (int s = 0; s < 3; s++)
            {
                Assert.Equal(series[s].Values[i], double.Parse(csv[i + 1][s + 1], CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void LinesWithTheirOwnXValuesKeepEveryPoint()
    {
        // A compared keep run: two runs over virtual ms, each with its own x values.
        using var vm = new KeepViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = "keep-job-start-herd", ["seed"] = "1", ["step"] = "600", ["mode"] = "current", ["compare"] = "coalescing" });
        IReadOnlyList<ChartSeries> series = vm.SeriesOverTime((KeepMetric.InUseBuffers, "buffers in use"));
        Assert.Equal(2, series.Count);
        Assert.False(series[0].X.SequenceEqual(series[1].X)); // each run has its own moments

        ChartTable table = ChartTable.From(series, "virtual ms");
        string[][] csv = Parse(table.ToCsv());

        Assert.Equal(["virtual ms", series[0].Name, series[1].Name], csv[0]);
        for (int s = 0; s < 2; s++)
        {
            var fromCsv = csv.Skip(1).Where(r => r[s + 1].Length > 0).Select(r => (double.Parse(r[0], CultureInfo.InvariantCulture), double.Parse(r[s + 1], CultureInfo.InvariantCulture)));
            Assert.Equal(series[s].X.Zip(series[s].Values), fromCsv);
        }

        Assert.Equal(csv.Skip(1).Select(r => double.Parse(r[0], CultureInfo.InvariantCulture)).Order(), csv.Skip(1).Select(r => double.Parse(r[0], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void SeveralPointsAtOneXEachGetARow()
    {
        var series = new[] { new ChartSeries("a", [0, 5, 5, 5, 9], [1, 2, 3, 4, 5]), new ChartSeries("b", [5, 5, 7], [10, 20, 30]) };

        string csv = ChartTable.From(series, "virtual ms").ToCsv();

        Assert.Equal("virtual ms,a,b\n0,1,\n5,2,10\n5,3,20\n5,4,\n7,,30\n9,5,\n", csv);
    }

    [Fact]
    public void NamesWithCommasOrQuotesAreQuotedAndNumbersRoundTrip()
    {
        var series = new[] { new ChartSeries("p50, \"ms\"", [0, 1.5], [0.1 + 0.2, 1e-7]), new ChartSeries("p99", [1.5], [42]) };

        string csv = ChartTable.From(series, "virtual ms").ToCsv();

        Assert.Equal("virtual ms,\"p50, \"\"ms\"\"\",p99\n0,0.30000000000000004,\n1.5,1E-07,42\n", csv);
    }

    [Fact]
    public void AnEmptyChartIsAHeaderOnly()
    {
        Assert.Equal("step,a\n", ChartTable.From([new ChartSeries("a", [], [])], "step").ToCsv());
    }

    public void Dispose() => _registry.Dispose();

    /// <summary>A CSV of this form (quoted fields hold no line breaks) as rows of fields.</summary>
    private static string[][] Parse(string csv) =>
        [.. csv.TrimEnd('\n').Split('\n').Select(line => System.Text.RegularExpressions.Regex.Matches(line, "(?<=^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)").Select(m => m.Value.StartsWith('"') ? m.Value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : m.Value).ToArray())];
}
