namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>The opcodes of internal/fusekernel/fuse_kernel.go this simulator speaks.</summary>
public enum FuseOpcode : uint
{
    Forget = 2,
    Read = 15,
    Write = 16,
    Init = 26,
    Interrupt = 36,
}
