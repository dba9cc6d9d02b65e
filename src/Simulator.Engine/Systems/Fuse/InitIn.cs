namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// fuse_init_in. jacobsa/fuse consumes only its first 16 bytes (major, minor, max_readahead,
/// flags); a 7.36+ kernel sends 64 (those, flags2 and 11 unused words: a 104-byte message), which <see cref="WriteKernel"/> writes.
/// </summary>
public readonly record struct InitIn(uint Major, uint Minor, uint MaxReadahead, uint Flags, uint Flags2 = 0)
{
    public static InitIn Read(ReadOnlySpan<byte> b) => new(FuseWire.U32(b, 0), FuseWire.U32(b, 4), FuseWire.U32(b, 8), FuseWire.U32(b, 12));

    public void Write(Span<byte> b)
    {
        FuseWire.Put(b, 0, Major);
        FuseWire.Put(b, 4, Minor);
        FuseWire.Put(b, 8, MaxReadahead);
        FuseWire.Put(b, 12, Flags);
    }

    /// <summary>The whole struct as a 7.36+ kernel sends it (<see cref="FuseWire.KernelInitInSize"/> bytes, the unused words zero).</summary>
    public void WriteKernel(Span<byte> b)
    {
        b[..FuseWire.KernelInitInSize].Clear();
        Write(b);
        FuseWire.Put(b, 16, Flags2);
    }
}
