namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>The opcodes of internal/fusekernel/fuse_kernel.go that the daemon converts; any other is an unknownOp, answered ENOSYS.</summary>
public enum FuseOpcode : uint
{
    Lookup = 1,
    Forget = 2,
    GetAttr = 3,
    SetAttr = 4,
    Open = 14,
    Read = 15,
    Write = 16,
    StatFs = 17,
    Release = 18,
    Flush = 25,
    Init = 26,
    Interrupt = 36,
    Destroy = 38,
    BatchForget = 42,
}
