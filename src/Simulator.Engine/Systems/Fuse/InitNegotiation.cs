namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// Both sides of FUSE_INIT. The daemon's reply is Connection.Init in connection.go (master, the
/// pre-#189 variant, and PR #198's sizes); the kernel's reading of it is process_init_reply in
/// fs/fuse/inode.c, and its read-buffer rule is fuse_dev_do_read in fs/fuse/dev.c.
/// </summary>
public static class InitNegotiation
{
    public const uint BigWrites = 1 << 5, WritebackCache = 1 << 16, MaxPagesFlag = 1 << 22;

    /// <summary>The oldest protocol the library accepts, and the newest it speaks.</summary>
    public const uint MinMinor = 18, MaxMinor = 34;

    /// <summary>FUSE_DEFAULT_MAX_PAGES_PER_REQ: what a kernel uses when the reply does not set FUSE_MAX_PAGES.</summary>
    public const int DefaultMaxPages = 32;

    /// <summary>The daemon's INIT reply; a kernel older than 7.18 gets EPROTO ("Version too old").</summary>
    public static InitOut Reply(InitIn kernel, FuseMountConfig config)
    {
        if (kernel.Major != 7 || kernel.Minor < MinMinor)
        {
            throw new FuseProtocolException($"Version too old: kernel speaks {kernel.Major}.{kernel.Minor}, at least 7.{MinMinor} is needed (EPROTO)");
        }

        uint flags = BigWrites | MaxPagesFlag;
        if (!config.DisableWritebackCaching)
        {
            flags |= WritebackCache;
        }

        int maxPages = config.Variant == FuseVariant.MasterPre189 ? 256 : config.MaxPayload / config.PageSize;
        return new InitOut(7, Math.Min(kernel.Minor, MaxMinor), FuseWire.MiB, flags, 12, 9, (uint)config.MaxPayload, 1, (ushort)Math.Min(maxPages, ushort.MaxValue));
    }

    /// <summary>
    /// What the kernel makes of the reply: its max_write and max_pages, and the limits they imply;
    /// the readahead window becomes min(the kernel's <paramref name="kernelReadahead"/>, the reply's
    /// max_readahead) in whole pages (process_init_reply: ra_pages = max_readahead / PAGE_SIZE).
    /// </summary>
    public static KernelLimits Apply(InitOut reply, int pageSize, int maxPagesLimit, int kernelReadahead = LinuxInit.DefaultMaxReadahead)
    {
        int maxWrite = (int)Math.Max(4096, reply.MaxWrite);
        int maxPages = (reply.Flags & MaxPagesFlag) != 0 ? Math.Min(maxPagesLimit, Math.Max(1, (int)reply.MaxPages)) : DefaultMaxPages;
        long raPages = Math.Min(kernelReadahead / pageSize, reply.MaxReadahead / (uint)pageSize);
        return new KernelLimits(pageSize, maxWrite, maxPages) { Readahead = (int)(raPages * pageSize) };
    }
}
