namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>A file-system error that the reply carries as -errno.</summary>
public sealed class FuseErrnoException(int errno, string message) : Exception(message)
{
    public int Errno { get; } = errno;
}
