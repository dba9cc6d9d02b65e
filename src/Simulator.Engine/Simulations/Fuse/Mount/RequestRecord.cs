namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>
/// One request the real kernel sent and what the daemon did with it: when (µs after the mount), its
/// opcode, unique and length; READ/WRITE offset, size and flags; the reply's errno; the pool
/// blocks its message held, the heap bytes upstream would allocate, the library's copies, and the
/// .NET bytes the serving thread actually allocated.
/// </summary>
public sealed record RequestRecord(
    double AtMicros, string Opcode, ulong Unique, uint Length, long Offset, int Size, uint Flags, int Error, int Blocks, long HeapBytes, long LibraryCopies, long AllocatedBytes)
{
    public bool IsData => Opcode is "READ" or "WRITE";
}
