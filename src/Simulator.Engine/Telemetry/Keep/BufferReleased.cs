namespace BufferLab.Simulator.Engine.Telemetry.Keep;

/// <summary>The request gave its buffer back.</summary>
public sealed record BufferReleased(int Request, int Buffer) : SimEvent;
