namespace BufferLab.Simulator.Engine.Models.Filestore;

/// <summary>Measured read latencies (wall time, microseconds), kept sorted for percentiles.</summary>
public sealed class ReadLatencies
{
    private readonly List<double> _sorted = [];

    public int Count => _sorted.Count;

    public void Add(double micros)
    {
        int at = _sorted.BinarySearch(micros);
        _sorted.Insert(at < 0 ? ~at : at, micros);
    }

    /// <summary>Nearest-rank percentile; 0 before any read.</summary>
    public double Percentile(double p) =>
        _sorted.Count == 0 ? 0 : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Count) - 1, 0, _sorted.Count - 1)];
}
