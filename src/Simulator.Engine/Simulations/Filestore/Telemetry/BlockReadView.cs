using BufferLab.Simulator.Engine.Telemetry;

using BufferLab.Simulator.Engine.Simulation.Checkpoints;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;

/// <summary>One block read as the page lists it; the latency is measured wall time, not part of the event log.</summary>
public sealed record BlockReadView(long TimeUs, int Reader, int Chunk, long Offset, int Status, string StatusText, string? Error, [field: MachineValue] double LatencyUs);
