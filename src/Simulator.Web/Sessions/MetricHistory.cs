using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// Every metric's value after every step reached so far, for charts. Steps are deterministic, so
/// after stepping back the samples already recorded stay valid and are not recorded again.
/// </summary>
public sealed class MetricHistory
{
    private readonly List<double[]> _samples = [];
    private string[] _names = [];

    public IReadOnlyList<string> Names => _names;

    /// <summary>Steps recorded: samples exist for steps 0 .. Count - 1.</summary>
    public int Count => _samples.Count;

    public void Record(int step, IReadOnlyList<MetricValue> metrics)
    {
        if (step != _samples.Count)
        {
            return; // already recorded (a replay after a step back), or a gap that a replay will fill
        }

        if (_names.Length == 0)
        {
            _names = metrics.Select(m => m.Name).ToArray();
        }

        _samples.Add(metrics.Select(m => m.Value).ToArray());
    }

    /// <summary>The values of <paramref name="name"/> for steps 0 .. <paramref name="upToStep"/>.</summary>
    public double[] Series(string name, int upToStep) => Sample(name, upToStep, int.MaxValue).Values;

    /// <summary>
    /// At most <paramref name="maxPoints"/> (step, value) points of <paramref name="name"/> up to
    /// <paramref name="upToStep"/>: every step while they fit, else evenly spaced steps, always
    /// ending at the last one, so a chart's cost does not grow with the run.
    /// </summary>
    public (int[] Steps, double[] Values) Sample(string name, int upToStep, int maxPoints)
    {
        int column = Array.IndexOf(_names, name);
        int count = Math.Min(upToStep + 1, _samples.Count);
        if (column < 0 || count == 0)
        {
            return ([], []);
        }

        int points = Math.Min(count, Math.Max(2, maxPoints));
        var steps = new int[points];
        var values = new double[points];
        for (int i = 0; i < points; i++)
        {
            int step = points == count ? i : (int)((long)i * (count - 1) / (points - 1));
            steps[i] = step;
            values[i] = _samples[step][column];
        }

        return (steps, values);
    }
}
