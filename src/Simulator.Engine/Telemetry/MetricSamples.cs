using System.Globalization;
using System.Text;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>
/// The model's metrics after every step (what the dashboard's charts plot), as rows of step,
/// virtual time and one column per metric. Long runs keep every k-th step, k doubling whenever the
/// rows pass <see cref="MaxRows"/>, so a table stays bounded and its rows stay evenly spaced.
/// </summary>
public sealed class MetricSamples
{
    public const int MaxRows = 10_000;

    private readonly List<(int Step, long TimeMicros, double[] Values)> _rows = [];

    private MetricSamples(IReadOnlyList<MetricValue> columns) => Columns = [.. columns.Select(c => (c.Name, c.Unit))];

    public IReadOnlyList<(string Name, string Unit)> Columns { get; }

    public IReadOnlyList<(int Step, long TimeMicros, double[] Values)> Rows => _rows;

    /// <summary>Every <see cref="Every"/>th step is kept.</summary>
    public int Every { get; private set; } = 1;

    /// <summary>Runs <paramref name="run"/> to its end from where it is, sampling after every step (and at the start).</summary>
    public static MetricSamples Collect(Run run)
    {
        var samples = new MetricSamples(run.Model.Metrics());
        samples.Add(run);
        while (run.StepOnce())
        {
            if (run.Step % samples.Every == 0)
            {
                samples.Add(run);
            }
        }

        if (samples._rows[^1].Step != run.Step)
        {
            samples.Add(run);
        }

        return samples;
    }

    /// <summary>CSV with a header row: step, time_us, then each metric by name.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("step,time_us");
        foreach ((string name, _) in Columns)
        {
            csv.Append(',').Append(name);
        }

        csv.Append('\n');
        foreach ((int step, long time, double[] values) in _rows)
        {
            csv.Append(step.ToString(CultureInfo.InvariantCulture)).Append(',').Append(time.ToString(CultureInfo.InvariantCulture));
            foreach (double value in values)
            {
                csv.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    private void Add(Run run)
    {
        IReadOnlyList<MetricValue> metrics = run.Model.Metrics();
        _rows.Add((run.Step, VirtualTime.Micros(run.Clock.Elapsed), [.. Columns.Select(c => metrics.FirstOrDefault(m => m.Name == c.Name)?.Value ?? double.NaN)]));
        if (_rows.Count > MaxRows)
        {
            Every *= 2;
            _rows.RemoveAll(r => r.Step % Every != 0 && r.Step != 0);
        }
    }
}
