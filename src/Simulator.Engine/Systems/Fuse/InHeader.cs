namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>fuse_in_header (40 bytes): len, opcode, unique, nodeid, uid, gid, pid, padding.</summary>
public readonly record struct InHeader(uint Len, FuseOpcode Opcode, ulong Unique, ulong NodeId, uint Uid, uint Gid, uint Pid)
{
    public static InHeader Read(ReadOnlySpan<byte> b) => new(FuseWire.U32(b, 0), (FuseOpcode)FuseWire.U32(b, 4), FuseWire.U64(b, 8), FuseWire.U64(b, 16),
        FuseWire.U32(b, 24), FuseWire.U32(b, 28), FuseWire.U32(b, 32));

    public void Write(Span<byte> b)
    {
        FuseWire.Put(b, 0, Len);
        FuseWire.Put(b, 4, (uint)Opcode);
        FuseWire.Put(b, 8, Unique);
        FuseWire.Put(b, 16, NodeId);
        FuseWire.Put(b, 24, Uid);
        FuseWire.Put(b, 28, Gid);
        FuseWire.Put(b, 32, Pid);
        FuseWire.Put(b, 36, 0u);
    }
}
