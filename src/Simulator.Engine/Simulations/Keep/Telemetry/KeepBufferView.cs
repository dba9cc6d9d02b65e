using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>
/// One buffer: for the pool modes InUse, Pooled, Victim or Dropped (freed by a GC) with the request
/// holding it; for #10541 Empty, Filling, Ready or Failed with its hash, refcount and last read.
/// </summary>
public sealed record KeepBufferView(int Index, string State, string? Hash, int Refs, long? LastReadUs, int? Request, long Filled, long Size);
