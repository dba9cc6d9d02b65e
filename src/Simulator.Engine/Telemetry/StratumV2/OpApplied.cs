using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Telemetry.StratumV2;

/// <summary>A workload operation started (the op-string token, and which actor ran it).</summary>
public sealed record OpApplied(string Op, string Actor) : SimEvent;
