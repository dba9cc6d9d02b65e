using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>#10541: a fetch ended: the buffer is Ready for every sharer, or Failed and each of them gets <see cref="Error"/> (no hash mapping is kept).</summary>
public sealed record FetchFinished(int Buffer, string Hash, int Fetch, int Sharers, string? Error) : SimEvent;
