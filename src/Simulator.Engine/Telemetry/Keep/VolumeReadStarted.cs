namespace BufferLab.Simulator.Engine.Telemetry.Keep;

/// <summary>A handler started a BlockRead on one volume.</summary>
public sealed record VolumeReadStarted(int Request, string Volume, string Hash) : SimEvent;
