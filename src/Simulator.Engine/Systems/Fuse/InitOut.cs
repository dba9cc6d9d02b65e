namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>fuse_init_out as jacobsa/fuse sends it (64 bytes): major, minor, max_readahead, flags, max_background, congestion_threshold, max_write, time_gran, max_pages, map_alignment, 8 unused words.</summary>
public readonly record struct InitOut(uint Major, uint Minor, uint MaxReadahead, uint Flags, ushort MaxBackground, ushort CongestionThreshold, uint MaxWrite, uint TimeGran, ushort MaxPages)
{
    public static InitOut Read(ReadOnlySpan<byte> b) => new(FuseWire.U32(b, 0), FuseWire.U32(b, 4), FuseWire.U32(b, 8), FuseWire.U32(b, 12),
        FuseWire.U16(b, 16), FuseWire.U16(b, 18), FuseWire.U32(b, 20), FuseWire.U32(b, 24), FuseWire.U16(b, 28));

    public void Write(Span<byte> b)
    {
        b[..FuseWire.InitOutSize].Clear();
        FuseWire.Put(b, 0, Major);
        FuseWire.Put(b, 4, Minor);
        FuseWire.Put(b, 8, MaxReadahead);
        FuseWire.Put(b, 12, Flags);
        FuseWire.Put(b, 16, MaxBackground);
        FuseWire.Put(b, 18, CongestionThreshold);
        FuseWire.Put(b, 20, MaxWrite);
        FuseWire.Put(b, 24, TimeGran);
        FuseWire.Put(b, 28, MaxPages);
    }
}
