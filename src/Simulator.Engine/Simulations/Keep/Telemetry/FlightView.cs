using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>
/// One volume fetch of a block and the requests it served (the coalescing fan-out): the first
/// request started it, the others shared its buffer; <see cref="Volume"/>, <see cref="VolumeReads"/>
/// and <see cref="BytesRead"/> say what the volumes were asked for (none for a block a PUT wrote).
/// </summary>
public sealed record FlightView(int Id, string Hash, int? Buffer, IReadOnlyList<int> Requests, string Outcome, string? Volume, int VolumeReads, long BytesRead);
