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
    /// <paramref name="upToStep"/>: every step while they fit, else every k-th step (k a power of
    /// two, the smallest that fits) and always the last one, so a chart's cost does not grow with
    /// the run. Sampling on a fixed grid keeps the points already drawn while the run grows (until k
    /// doubles): a chart extends its lines with the new points instead of redrawing them.
    /// </summary>
    public (int[] Steps, double[] Values) Sample(string name, int upToStep, int maxPoints)
    {
        int column = Array.IndexOf(_names, name);
        int count = Math.Min(upToStep + 1, _samples.Count);
        if (column < 0 || count == 0)
        {
            return ([], []);
        }

        int last = count - 1;
        int stride = 1;
        if (count > maxPoints)
        {
            // grid points 0, k, 2k, ... up to the last step, plus the last step itself
            int most = Math.Max(2, maxPoints);
            while ((last / stride) + 2 > most)
            {
                stride *= 2;
            }
        }

        int grid = (last / stride) + 1;
        int points = grid + (last % stride == 0 ? 0 : 1);
        var steps = new int[points];
        var values = new double[points];
        for (int i = 0; i < points; i++)
        {
            int step = i < grid ? i * stride : last;
            steps[i] = step;
            values[i] = _samples[step][column];
        }

        return (steps, values);
    }
}
