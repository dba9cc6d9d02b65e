namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>A copy the library made in user space: the pieces it copied from, the heap buffer it copied to, the bytes, and the call that made it.</summary>
public sealed record HeapCopy(IReadOnlyList<BufferSpan> From, int To, int Bytes, string By);
