using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>Slice Id was cloned as CloneId (bug B7): both alias the same bytes and index.</summary>
public sealed record SliceCloned(int Id, int CloneId, int Index) : SimEvent;
