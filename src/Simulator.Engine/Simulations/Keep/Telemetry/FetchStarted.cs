using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>#10541: the request fetches the block into a buffer, evicting the idle block read longest ago if it had to.</summary>
public sealed record FetchStarted(int Request, int Buffer, string Hash, int Fetch, string? EvictedHash) : SimEvent;
