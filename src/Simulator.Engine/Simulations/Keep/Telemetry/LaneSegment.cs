using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>A phase of a request from <see cref="StartUs"/> to <see cref="EndUs"/> (null while it lasts).</summary>
public sealed record LaneSegment(string Phase, long StartUs, long? EndUs);
