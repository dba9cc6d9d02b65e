namespace BufferLab.Simulator.Engine.Telemetry.Keep;

/// <summary>
/// One buffer: for the pool modes InUse, Pooled, Victim or Dropped (freed by a GC) with the request
/// holding it; for #10541 Empty, Filling, Ready or Failed with its hash, refcount and last read.
/// </summary>
public sealed record KeepBufferView(int Index, string State, string? Hash, int Refs, long? LastReadUs, int? Request, long Filled, long Size);
