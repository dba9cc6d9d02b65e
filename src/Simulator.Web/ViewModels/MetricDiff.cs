using System.Globalization;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>Lines up the metrics of two runs of one system, name by name, and formats them by unit.</summary>
public static class MetricDiff
{
    /// <summary>Rows in the first run's order, then any metric only the second run has.</summary>
    public static IReadOnlyList<MetricDiffRow> Rows(IReadOnlyList<MetricValue> first, IReadOnlyList<MetricValue> second)
    {
        var byName = second.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.First());
        var rows = new List<MetricDiffRow>();
        foreach (MetricValue a in first.DistinctBy(m => m.Name))
        {
            rows.Add(Row(a.Name, a.Description, a.Unit, a.Value, byName.TryGetValue(a.Name, out MetricValue? b) ? b.Value : null));
        }

        var seen = first.Select(m => m.Name).ToHashSet();
        rows.AddRange(second.DistinctBy(m => m.Name).Where(b => !seen.Contains(b.Name)).Select(b => Row(b.Name, b.Description, b.Unit, null, b.Value)));
        return rows;
    }

    public static MetricDiffRow Row(string name, string description, string unit, double? first, double? second)
    {
        string diff = first is { } a && second is { } b ? Signed(b - a, unit) : "—";
        return new MetricDiffRow(name, description, unit, first, second, Format(first, unit), Format(second, unit), diff, Ratio(first, second, unit));
    }

    /// <summary>
    /// second / first, only between two positive amounts: a ratio of flags is meaningless, and one
    /// against zero (or a negative value) is infinite or misleading, so those get none.
    /// </summary>
    public static string? Ratio(double? first, double? second, string unit)
    {
        if (unit == "{bool}" || first is not { } a || second is not { } b || a <= 0 || b < 0 || !double.IsFinite(a) || !double.IsFinite(b))
        {
            return null;
        }

        double ratio = b / a;
        return ratio switch
        {
            0 => "×0",
            < 0.01 => "×<0.01",
            < 10 => string.Create(CultureInfo.InvariantCulture, $"×{ratio:0.##}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"×{ratio:#,0.#}"),
        };
    }

    /// <summary>A value in the unit people read: bytes in KiB/MiB, times in ms or µs, counts as counts.</summary>
    public static string Format(double? value, string unit) => value switch
    {
        null => "—",
        { } v when double.IsNaN(v) => "—",
        { } v => unit switch
        {
            "By" => Units.Bytes(v),
            "ms" => Units.Ms(v),
            "us" => string.Create(CultureInfo.InvariantCulture, $"{v:#,0.#} µs"),
            "{bool}" => v != 0 ? "yes" : "no",
            _ => Math.Abs(v - Math.Round(v)) < 1e-9
                ? ((long)Math.Round(v)).ToString("N0", CultureInfo.InvariantCulture)
                : v.ToString("#,0.###", CultureInfo.InvariantCulture),
        },
    };

    private static string Signed(double delta, string unit) => delta switch
    {
        0 => "0",
        > 0 when unit == "{bool}" => "no → yes",
        < 0 when unit == "{bool}" => "yes → no",
        > 0 => "+" + Format(delta, unit),
        _ => "−" + Format(-delta, unit),
    };
}
