using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Telemetry.StratumV2;

/// <summary>Slice Id was cloned as CloneId (bug B7): both alias the same bytes and index.</summary>
public sealed record SliceCloned(int Id, int CloneId, int Index) : SimEvent;
