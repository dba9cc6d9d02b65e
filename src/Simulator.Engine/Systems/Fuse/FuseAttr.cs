namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>fuse_attr (88 bytes), the fields memfs sets: inode, size, blocks, mode, nlink, uid, gid, blksize; times are zero.</summary>
public readonly record struct FuseAttr(ulong Inode, ulong Size, uint Mode, uint Nlink)
{
    public const int WireSize = 88;

    public void Write(Span<byte> b)
    {
        b[..WireSize].Clear();
        FuseWire.Put(b, 0, Inode);
        FuseWire.Put(b, 8, Size);
        FuseWire.Put(b, 16, (Size + 511) / 512); // blocks of 512 bytes
        FuseWire.Put(b, 60, Mode);
        FuseWire.Put(b, 64, Nlink);
        FuseWire.Put(b, 80, 4096u); // blksize
    }
}
