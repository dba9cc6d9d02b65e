using System.Globalization;
using System.Text;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// Exactly the points a chart plots, as a table: one column per line, one row per x value. Lines
/// of a compared run have their own x values (virtual time), so a row may leave a line blank; and
/// where a line has several points at one x (several steps at one virtual moment) each of them
/// gets its own row, so no plotted point is merged away or dropped.
/// </summary>
public sealed class ChartTable
{
    private ChartTable(string xTitle, IReadOnlyList<string> columns, IReadOnlyList<ChartTableRow> rows)
    {
        XTitle = xTitle;
        Columns = columns;
        Rows = rows;
    }

    public string XTitle { get; }

    /// <summary>The lines' names, in the chart's order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>By x, ascending; points of one line at the same x keep their order.</summary>
    public IReadOnlyList<ChartTableRow> Rows { get; }

    public static ChartTable From(IReadOnlyList<ChartSeries> series, string xTitle)
    {
        // x -> rows at that x; the k-th point of a line at x goes to the k-th row of x.
        var byX = new SortedDictionary<double, List<double?[]>>();
        for (int line = 0; line < series.Count; line++)
        {
            var seen = new Dictionary<double, int>();
            ChartSeries s = series[line];
            int points = Math.Min(s.X.Count, s.Values.Count); // plotly draws as many points as both arrays have
            for (int i = 0; i < points; i++)
            {
                double x = s.X[i];
                int occurrence = seen.GetValueOrDefault(x);
                seen[x] = occurrence + 1;
                if (!byX.TryGetValue(x, out List<double?[]>? rows))
                {
                    rows = [];
                    byX[x] = rows;
                }

                while (rows.Count <= occurrence)
                {
                    rows.Add(new double?[series.Count]);
                }

                rows[occurrence][line] = s.Values[i];
            }
        }

        var table = byX.SelectMany(kv => kv.Value.Select(values => new ChartTableRow(kv.Key, values))).ToArray();
        return new ChartTable(xTitle, [.. series.Select(s => s.Name)], table);
    }

    /// <summary>A number as the table and the CSV write it: the shortest text that reads back as the same double.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// CSV in the invariant culture: the x title and each line's name, then one row per table row; a
    /// line with no point there is an empty field. Fields are quoted as RFC 4180 does; lines end in
    /// \n, as the runner's CSV does, so the two diff cleanly.
    /// </summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append(Field(XTitle));
        foreach (string column in Columns)
        {
            csv.Append(',').Append(Field(column));
        }

        csv.Append('\n');
        foreach (ChartTableRow row in Rows)
        {
            csv.Append(Format(row.X));
            foreach (double? value in row.Values)
            {
                csv.Append(',');
                if (value is { } v)
                {
                    csv.Append(Format(v));
                }
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
