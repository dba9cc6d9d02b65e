using System.Buffers;

namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>The iovec array of a readv or writev: each segment pinned until Dispose, so the kernel reads or writes the managed buffers in place.</summary>
internal sealed unsafe class PinnedIoVectors : IDisposable
{
    private readonly MemoryHandle[] _handles;

    public PinnedIoVectors(IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        _handles = new MemoryHandle[segments.Count];
        Vectors = new FuseLibC.IoVec[segments.Count];
        for (int i = 0; i < segments.Count; i++)
        {
            _handles[i] = segments[i].Pin();
            Vectors[i] = new FuseLibC.IoVec { Base = (IntPtr)_handles[i].Pointer, Length = (nuint)segments[i].Length };
            TotalBytes += segments[i].Length;
        }
    }

    /// <summary>Blocks a readv fills, in order.</summary>
    public PinnedIoVectors(IReadOnlyList<byte[]> blocks)
        : this([.. blocks.Select(b => (ReadOnlyMemory<byte>)b)])
    {
    }

    public FuseLibC.IoVec[] Vectors { get; }

    public int TotalBytes { get; }

    public void Dispose()
    {
        foreach (MemoryHandle handle in _handles)
        {
            handle.Dispose();
        }
    }
}
