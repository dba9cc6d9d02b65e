namespace BufferLab.Simulator.Engine.Telemetry.Keep;

/// <summary>#10541: a GET for a block being fetched shares that fetch and its buffer.</summary>
public sealed record FetchJoined(int Request, int Buffer, string Hash, int Fetch) : SimEvent;
