namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>fuse_init_in as jacobsa/fuse consumes it (16 bytes): major, minor, max_readahead, flags.</summary>
public readonly record struct InitIn(uint Major, uint Minor, uint MaxReadahead, uint Flags)
{
    public static InitIn Read(ReadOnlySpan<byte> b) => new(FuseWire.U32(b, 0), FuseWire.U32(b, 4), FuseWire.U32(b, 8), FuseWire.U32(b, 12));

    public void Write(Span<byte> b)
    {
        FuseWire.Put(b, 0, Major);
        FuseWire.Put(b, 4, Minor);
        FuseWire.Put(b, 8, MaxReadahead);
        FuseWire.Put(b, 12, Flags);
    }
}
