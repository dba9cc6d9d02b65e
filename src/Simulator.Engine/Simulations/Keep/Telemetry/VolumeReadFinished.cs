using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>A volume read ended: ok, not found, or an error after some bytes.</summary>
public sealed record VolumeReadFinished(int Request, string Volume, string Hash, long Bytes, string Outcome) : SimEvent;
