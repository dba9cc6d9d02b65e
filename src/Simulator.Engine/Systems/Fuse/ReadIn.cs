namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>fuse_read_in (40 bytes): fh, offset, size, read_flags, lock_owner, flags, padding. fuse_write_in has the same layout.</summary>
public readonly record struct ReadIn(ulong Fh, ulong Offset, uint Size, uint ReadFlags = 0, ulong LockOwner = 0, uint Flags = 0)
{
    public static ReadIn Read(ReadOnlySpan<byte> b) => new(FuseWire.U64(b, 0), FuseWire.U64(b, 8), FuseWire.U32(b, 16), FuseWire.U32(b, 20), FuseWire.U64(b, 24), FuseWire.U32(b, 32));

    public void Write(Span<byte> b)
    {
        FuseWire.Put(b, 0, Fh);
        FuseWire.Put(b, 8, Offset);
        FuseWire.Put(b, 16, Size);
        FuseWire.Put(b, 20, ReadFlags);
        FuseWire.Put(b, 24, LockOwner);
        FuseWire.Put(b, 32, Flags);
        FuseWire.Put(b, 36, 0u);
    }
}
