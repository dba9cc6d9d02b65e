namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>
/// What was alive when the bytes a system held (<see cref="Measure"/>) first reached their peak
/// (heaptrack's "what was alive at the peak"): the step and time, and each holding with its holder.
/// </summary>
public sealed record AliveAtPeak(string Measure, long PeakBytes, int Step, long TimeMicros, IReadOnlyList<PeakHolding> Holdings);
