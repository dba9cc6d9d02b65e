using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>#10541: a GET for a block being fetched shares that fetch and its buffer.</summary>
public sealed record FetchJoined(int Request, int Buffer, string Hash, int Fetch) : SimEvent;
