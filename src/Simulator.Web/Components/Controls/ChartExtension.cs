using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>
/// The points to append to each line of a chart so that it shows the new series, when the new
/// series only grew: sent with plotly's extendTraces instead of redrawing every point.
/// </summary>
/// <param name="Indices">The lines that got points (plotly's trace indices).</param>
/// <param name="X">Their new x values, per line of <paramref name="Indices"/>.</param>
/// <param name="Y">Their new y values.</param>
/// <param name="KeepsStalePoints">Whether the chart keeps a point the new series no longer has (see <see cref="Plan"/>).</param>
internal sealed record ChartExtension(int[] Indices, object[][] X, object[][] Y, bool KeepsStalePoints)
{
    /// <summary>Points sent, x and y pairs.</summary>
    public int Points => X.Sum(x => x.Length);

    /// <summary>
    /// What turns the lines <paramref name="drawn"/> into <paramref name="next"/> by appending
    /// points, or null when they changed otherwise (other lines, or earlier points changed: a step
    /// back, a seek, the sampling's stride doubled) and the chart must be redrawn.
    /// <para>
    /// Long runs are sampled every k-th step plus the last step (<see cref="Sessions.MetricHistory.Sample"/>),
    /// so the last point drawn is often gone from the next sample. With <paramref name="allowStaleLast"/>
    /// (while playing) that point stays drawn and the new points follow it: it is a true sample
    /// of the run, only one the table does not list; the next redraw (as play stops) drops it.
    /// </para>
    /// </summary>
    public static ChartExtension? Plan(IReadOnlyList<ChartSeries> drawn, IReadOnlyList<ChartSeries> next, bool allowStaleLast)
    {
        if (drawn.Count != next.Count || drawn.Count == 0)
        {
            return null;
        }

        var indices = new List<int>();
        var xs = new List<object[]>();
        var ys = new List<object[]>();
        bool stale = false;
        for (int line = 0; line < next.Count; line++)
        {
            ChartSeries old = drawn[line];
            ChartSeries now = next[line];
            int had = Math.Min(old.X.Count, old.Values.Count);
            int has = Math.Min(now.X.Count, now.Values.Count);
            if (old.Name != now.Name || old.Run != now.Run || has < had)
            {
                return null;
            }

            int same = 0;
            while (same < had && old.X[same].Equals(now.X[same]) && old.Values[same].Equals(now.Values[same]))
            {
                same++;
            }

            int from;
            if (same == had)
            {
                from = had;
            }
            else if (allowStaleLast && same == had - 1 && now.X[same] >= old.X[same])
            {
                from = same; // the old last point stays, followed by the new sample from its index on
                stale = true;
            }
            else
            {
                return null;
            }

            if (from < has)
            {
                indices.Add(line);
                xs.Add([.. Enumerable.Range(from, has - from).Select(i => (object)now.X[i])]);
                ys.Add([.. Enumerable.Range(from, has - from).Select(i => (object)now.Values[i])]);
            }
        }

        return new ChartExtension([.. indices], [.. xs], [.. ys], stale);
    }
}
