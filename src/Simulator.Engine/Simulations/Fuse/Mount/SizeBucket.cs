namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>READ and WRITE requests of one size class: sizes above half of <see cref="UpToBytes"/> and up to it (a power of two).</summary>
public sealed record SizeBucket(long UpToBytes, int Reads, int Writes);
