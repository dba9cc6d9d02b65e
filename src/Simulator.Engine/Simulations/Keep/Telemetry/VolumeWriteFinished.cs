using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>One volume's BlockWrite of a PUT's block ended: "ok", "full" or "error"; or the block was there already ("exists", touched).</summary>
public sealed record VolumeWriteFinished(int Request, string Volume, string Outcome) : SimEvent;
