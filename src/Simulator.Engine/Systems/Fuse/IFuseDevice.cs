namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// What the daemon reads requests from and writes replies to: /dev/fuse on a real mount, or the
/// daemon's end of the simulated kernel's socket pair. Each read returns exactly one request.
/// </summary>
public interface IFuseDevice
{
    /// <summary>master's read: one read(2) into the contiguous storage; returns the bytes read.</summary>
    int Read(byte[] storage);

    /// <summary>PR #198's read: one readv(2) filling the blocks in order; returns the bytes read.</summary>
    int Readv(IReadOnlyList<byte[]> blocks);

    /// <summary>A reply: one writev(2) of the scatter-gather list; returns the iovec count.</summary>
    int Writev(IReadOnlyList<ReadOnlyMemory<byte>> sglist);
}
