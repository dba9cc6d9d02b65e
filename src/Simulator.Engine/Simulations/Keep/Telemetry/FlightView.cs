using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>One volume fetch of a block and the requests it served (the coalescing fan-out).</summary>
public sealed record FlightView(int Id, string Hash, int? Buffer, IReadOnlyList<int> Requests, string Outcome);
