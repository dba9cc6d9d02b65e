namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// What Linux 6.18 sends in FUSE_INIT (fs/fuse/inode.c, fuse_send_init), as observed on this
/// project's machines by mounting and reading the first message of /dev/fuse: protocol 7.45, a
/// 64-byte fuse_init_in (a 104-byte message), max_readahead 131072 (the bdi's default, VM_READAHEAD_PAGES), flags 0x73fffffb.
/// </summary>
public static class LinuxInit
{
    public const uint Major = 7, Minor = 45;

    /// <summary>fuse_init_in.flags as observed (FUSE_INIT_EXT set, so flags2 follows).</summary>
    public const uint Flags = 0x73ff_fffb;

    /// <summary>fuse_init_in.flags2: not recorded by the observation, so none is claimed (jacobsa/fuse does not read it).</summary>
    public const uint Flags2 = 0;

    /// <summary>The kernel's readahead window before INIT: 128 KiB.</summary>
    public const int DefaultMaxReadahead = 128 << 10;

    /// <summary>The bounds a scenario may set the kernel's readahead to (read_ahead_kb of the bdi).</summary>
    public const int MinMaxReadahead = 4 << 10, MaxMaxReadahead = 16 << 20;
}
