namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>One bit of fuse_init_out.flags: its bit number, the name Linux's include/uapi/linux/fuse.h gives it, and what it tells the kernel.</summary>
public sealed record InitFlag(int Bit, string Name, string Meaning)
{
    public uint Mask => 1u << Bit;
}
