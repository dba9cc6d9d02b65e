namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// The inode side of samples/memfs/memfs.go for a root directory (inode 1, mode 0700) holding one
/// file (inode 2): LookUpInode, GetInodeAttributes, SetInodeAttributes (size), OpenFile, FlushFile,
/// ReleaseFileHandle and StatFS (all zero), with memfs's 365-day entry and attribute expiry. What
/// memfs does not implement answers ENOSYS, as fuseutil's NotImplementedFileSystem does.
/// </summary>
public sealed class MemFsInodes(MemFs file, string fileName)
{
    public const ulong RootInode = 1, FileInode = 2;

    private const int Enoent = 2, Enosys = 38;
    private const uint DirectoryMode = 0x4000 | 0x1C0, FileMode = 0x8000 | 0x1A4; // S_IFDIR|0700, S_IFREG|0644
    private const ulong YearSeconds = 365 * 24 * 3600;
    private const uint SetAttrSize = 1 << 3; // FATTR_SIZE

    public string FileName { get; } = fileName;

    /// <summary>OPEN replies with FOPEN_DIRECT_IO (OpenFileOp.UseDirectIO), so reads and writes bypass the page cache (memfs leaves it off).</summary>
    public bool DirectIo { get; init; }

    /// <summary>Answers a metadata op into <paramref name="reply"/>; returns 0 or a positive errno.</summary>
    public int Answer(InHeader header, ReadOnlySpan<byte> body, OutMessage reply)
    {
        switch (header.Opcode)
        {
            case FuseOpcode.Lookup:
                string name = System.Text.Encoding.UTF8.GetString(body[..Math.Max(0, body.IndexOf((byte)0))]);
                if (header.NodeId != RootInode || name != FileName)
                {
                    return Enoent;
                }

                WriteEntry(reply.Grow(40 + FuseAttr.WireSize));
                return 0;
            case FuseOpcode.GetAttr:
                WriteAttrOut(reply.Grow(16 + FuseAttr.WireSize), header.NodeId);
                return 0;
            case FuseOpcode.SetAttr:
                if (header.NodeId == FileInode && (FuseWire.U32(body, 0) & SetAttrSize) != 0)
                {
                    file.Truncate((long)FuseWire.U64(body, 16));
                }

                WriteAttrOut(reply.Grow(16 + FuseAttr.WireSize), header.NodeId);
                return 0;
            case FuseOpcode.Open:
                byte[] open = reply.Grow(16); // fuse_open_out: fh, open_flags, padding
                FuseWire.Put(open, 8, DirectIo ? 1u : 0u); // FOPEN_DIRECT_IO
                return 0;
            case FuseOpcode.StatFs:
                _ = reply.Grow(80); // fuse_statfs_out: memfs's StatFS leaves every field zero
                return 0;
            case FuseOpcode.Flush:
            case FuseOpcode.Release:
                return 0;
            default:
                return Enosys;
        }
    }

    private FuseAttr Attr(ulong inode) => inode == FileInode ? new FuseAttr(FileInode, (ulong)file.Length, FileMode, 1) : new FuseAttr(RootInode, 0, DirectoryMode, 2);

    private void WriteEntry(Span<byte> b)
    {
        // fuse_entry_out: nodeid, generation, entry_valid, attr_valid, their nsecs, attr.
        FuseWire.Put(b, 0, FileInode);
        FuseWire.Put(b, 8, 0UL);
        FuseWire.Put(b, 16, YearSeconds);
        FuseWire.Put(b, 24, YearSeconds);
        FuseWire.Put(b, 32, 0UL);
        Attr(FileInode).Write(b[40..]);
    }

    private void WriteAttrOut(Span<byte> b, ulong inode)
    {
        // fuse_attr_out: attr_valid, attr_valid_nsec, dummy, attr.
        FuseWire.Put(b, 0, YearSeconds);
        FuseWire.Put(b, 8, 0UL);
        Attr(inode).Write(b[16..]);
    }
}
