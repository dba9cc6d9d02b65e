using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Telemetry.StratumV2;

/// <summary>The idle pool (ss == 0) was reset at the start of get_writable (edge 13).</summary>
public sealed record Reset(PoolMode From, PoolMode To, int CarriedBytes) : SimEvent;
