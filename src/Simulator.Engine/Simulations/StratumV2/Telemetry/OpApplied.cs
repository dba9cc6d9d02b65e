using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>A workload operation started (the op-string token, and which actor ran it).</summary>
public sealed record OpApplied(string Op, string Actor) : SimEvent;
