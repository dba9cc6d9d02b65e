namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>One piece of memory an op's bytes live in: its kind, its size, and what it is called ("block 1", "heap copy (ConsumeBytes)").</summary>
public sealed record DaemonBuffer(BufferKind Kind, int Size, string Name);
