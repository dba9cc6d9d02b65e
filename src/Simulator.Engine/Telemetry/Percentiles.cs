namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>Samples kept sorted so any percentile is a lookup (response times, read latencies).</summary>
public sealed class Percentiles
{
    private readonly List<double> _sorted = [];

    public int Count => _sorted.Count;

    public void Add(double value)
    {
        int at = _sorted.BinarySearch(value);
        _sorted.Insert(at < 0 ? ~at : at, value);
    }

    /// <summary>Nearest-rank percentile; 0 before any sample.</summary>
    public double Percentile(double p) =>
        _sorted.Count == 0 ? 0 : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Count) - 1, 0, _sorted.Count - 1)];
}
