namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>fuse_out_header (16 bytes): len, error (a negative errno), unique.</summary>
public readonly record struct OutHeader(uint Len, int Error, ulong Unique)
{
    public static OutHeader Read(ReadOnlySpan<byte> b) => new(FuseWire.U32(b, 0), (int)FuseWire.U32(b, 4), FuseWire.U64(b, 8));

    public void Write(Span<byte> b)
    {
        FuseWire.Put(b, 0, Len);
        FuseWire.Put(b, 4, (uint)Error);
        FuseWire.Put(b, 8, Unique);
    }
}
