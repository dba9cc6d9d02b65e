using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>The idle pool (ss == 0) was reset at the start of get_writable (edge 13).</summary>
public sealed record Reset(PoolMode From, PoolMode To, int CarriedBytes) : SimEvent;
