using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>A system under test, wrapped for a run: it exposes its state after any step.</summary>
public interface ISimulationModel
{
    /// <summary>Stable id of the system, e.g. "stratum-v2".</summary>
    string System { get; }

    /// <summary>Set when the system failed (a panic); the run stops there.</summary>
    string? Failure { get; }

    /// <summary>The system's state now, as an immutable record for views and frames.</summary>
    object Snapshot();

    /// <summary>A one-line summary of the state now, for reports.</summary>
    string Summary();

    IReadOnlyList<MetricValue> Metrics();

    /// <summary>What <see cref="HeldBytes"/> counts, for people ("pool and heap bytes held by live slices").</summary>
    string HeldMeasure => "";

    /// <summary>The bytes the system holds for its clients now; the run remembers what was alive at its peak.</summary>
    long HeldBytes => 0;

    /// <summary>What makes up <see cref="HeldBytes"/> now, each with its holder (read only at a new peak).</summary>
    IReadOnlyList<PeakHolding> Holdings() => [];

    /// <summary>The metrics a headless report carries: by default every metric by name; a system may name its own, with nested objects.</summary>
    IReadOnlyDictionary<string, object> ReportMetrics() => Metrics().ToDictionary(m => m.Name, m => (object)m.Value);
}
