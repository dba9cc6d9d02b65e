using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>The request gave its buffer back.</summary>
public sealed record BufferReleased(int Request, int Buffer) : SimEvent;
