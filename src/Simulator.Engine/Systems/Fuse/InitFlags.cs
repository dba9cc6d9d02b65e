namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// The INIT flag bits (internal/fusekernel/fuse_kernel.go's InitFlags, named as Linux's
/// include/uapi/linux/fuse.h names them), so a flags word can be read out in words.
/// </summary>
public static class InitFlags
{
    public static IReadOnlyList<InitFlag> All { get; } =
    [
        new(0, "FUSE_ASYNC_READ", "the kernel may send several READs of a file at once"),
        new(1, "FUSE_POSIX_LOCKS", "the file system handles POSIX locks"),
        new(2, "FUSE_FILE_OPS", "file operations carry a file handle"),
        new(3, "FUSE_ATOMIC_O_TRUNC", "open with O_TRUNC is handled by the file system"),
        new(4, "FUSE_EXPORT_SUPPORT", "the file system can be exported (NFS lookups of . and ..)"),
        new(5, "FUSE_BIG_WRITES", "a WRITE may carry more than one page, up to max_write"),
        new(6, "FUSE_DONT_MASK", "the kernel does not apply the umask to file modes"),
        new(7, "FUSE_SPLICE_WRITE", "the kernel may splice the reply to a WRITE"),
        new(8, "FUSE_SPLICE_MOVE", "the kernel may move pages when splicing"),
        new(9, "FUSE_SPLICE_READ", "the kernel may splice READ requests"),
        new(10, "FUSE_FLOCK_LOCKS", "the file system handles BSD flock locks"),
        new(11, "FUSE_HAS_IOCTL_DIR", "ioctl works on directories"),
        new(12, "FUSE_AUTO_INVAL_DATA", "cached data is dropped when the file's mtime changes"),
        new(13, "FUSE_DO_READDIRPLUS", "directory listings carry attributes (READDIRPLUS)"),
        new(14, "FUSE_READDIRPLUS_AUTO", "the kernel chooses READDIR or READDIRPLUS itself"),
        new(15, "FUSE_ASYNC_DIO", "direct I/O may be sent asynchronously"),
        new(16, "FUSE_WRITEBACK_CACHE", "the kernel caches writes and sends them later, merged (writeback)"),
        new(17, "FUSE_NO_OPEN_SUPPORT", "OPEN is not needed: ENOSYS means success"),
        new(18, "FUSE_PARALLEL_DIROPS", "lookups and readdirs of one directory may run in parallel"),
        new(19, "FUSE_HANDLE_KILLPRIV", "the file system clears setuid/setgid on write"),
        new(20, "FUSE_POSIX_ACL", "the kernel enforces POSIX ACLs"),
        new(21, "FUSE_ABORT_ERROR", "an aborted connection reports ECONNABORTED"),
        new(22, "FUSE_MAX_PAGES", "the reply's max_pages is valid (without it the kernel uses 32 pages)"),
        new(23, "FUSE_CACHE_SYMLINKS", "symlink targets are cached"),
        new(24, "FUSE_NO_OPENDIR_SUPPORT", "OPENDIR is not needed: ENOSYS means success"),
        new(25, "FUSE_EXPLICIT_INVAL_DATA", "cached data is dropped only when the file system says so"),
        new(26, "FUSE_MAP_ALIGNMENT", "the reply's map_alignment is valid (DAX)"),
        new(27, "FUSE_SUBMOUNTS", "the file system may announce submounts"),
        new(28, "FUSE_HANDLE_KILLPRIV_V2", "the file system clears setuid/setgid (v2 rules)"),
        new(29, "FUSE_SETXATTR_EXT", "SETXATTR carries extended flags"),
        new(30, "FUSE_INIT_EXT", "INIT carries a second flags word"),
        new(31, "FUSE_INIT_RESERVED", "reserved"),
    ];

    /// <summary>The bits set in <paramref name="flags"/>, lowest first.</summary>
    public static IReadOnlyList<InitFlag> Set(uint flags) => [.. All.Where(f => (flags & f.Mask) != 0)];
}
