namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// A request the kernel ended at the daemon's read because the read buffer could not hold it
/// (fs/fuse/dev.c, fuse_dev_do_read: nbytes &lt; in.h.len ends it with -EIO and restarts the read):
/// the daemon never sees it; the process that asked gets the error.
/// </summary>
public sealed record FailedRequest(ulong Unique, FuseOpcode Opcode, int Length, int BufferBytes, int Error);
