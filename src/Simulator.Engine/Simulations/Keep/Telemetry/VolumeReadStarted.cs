using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>A handler started a BlockRead on one volume.</summary>
public sealed record VolumeReadStarted(int Request, string Volume, string Hash) : SimEvent;
