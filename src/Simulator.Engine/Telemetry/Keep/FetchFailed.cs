namespace BufferLab.Simulator.Engine.Telemetry.Keep;

/// <summary>#10541: a fetch failed; every request sharing it gets the error and the hash mapping is dropped.</summary>
public sealed record FetchFailed(int Buffer, string Hash, int Fetch, int Sharers, string Error) : SimEvent;
