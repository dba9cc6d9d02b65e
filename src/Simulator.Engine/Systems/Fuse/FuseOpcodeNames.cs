namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>Opcode names as include/uapi/linux/fuse.h spells them, for every opcode a kernel may send (a recording shows what the real one sent).</summary>
public static class FuseOpcodeNames
{
    private static readonly string[] Names =
    [
        "", "LOOKUP", "FORGET", "GETATTR", "SETATTR", "READLINK", "SYMLINK", "", "MKNOD", "MKDIR", "UNLINK", "RMDIR", "RENAME", "LINK", "OPEN",
        "READ", "WRITE", "STATFS", "RELEASE", "", "FSYNC", "SETXATTR", "GETXATTR", "LISTXATTR", "REMOVEXATTR", "FLUSH", "INIT", "OPENDIR", "READDIR",
        "RELEASEDIR", "FSYNCDIR", "GETLK", "SETLK", "SETLKW", "ACCESS", "CREATE", "INTERRUPT", "BMAP", "DESTROY", "IOCTL", "POLL", "NOTIFY_REPLY",
        "BATCH_FORGET", "FALLOCATE", "READDIRPLUS", "RENAME2", "LSEEK", "COPY_FILE_RANGE", "SETUPMAPPING", "REMOVEMAPPING", "SYNCFS", "TMPFILE", "STATX",
    ];

    /// <summary>The name of <paramref name="opcode"/>, or OPCODE_N for one this table does not know.</summary>
    public static string Of(FuseOpcode opcode) => (uint)opcode < Names.Length && Names[(uint)opcode].Length > 0 ? Names[(uint)opcode] : $"OPCODE_{(uint)opcode}";
}
