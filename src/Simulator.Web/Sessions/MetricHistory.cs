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
    public double[] Series(string name, int upToStep)
    {
        int column = Array.IndexOf(_names, name);
        if (column < 0)
        {
            return [];
        }

        int count = Math.Min(upToStep + 1, _samples.Count);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = _samples[i][column];
        }

        return values;
    }
}
