using System.ComponentModel;
using System.Runtime.InteropServices;

namespace BufferLab.Simulator.Engine.Systems.Fuse.Mount;

/// <summary>
/// An open /dev/fuse: the daemon's reads (read or readv, one request each) and replies (writev).
/// As connection.go's readMessage: EINTR retries, ENODEV means the file system is gone.
/// </summary>
public sealed class DevFuse : IFuseDevice, IDisposable
{
    private int _fd;

    public DevFuse()
    {
        _fd = MountLibC.open("/dev/fuse", MountLibC.ORdwr | MountLibC.OCloexec);
        if (_fd < 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "open /dev/fuse failed");
        }
    }

    public int Descriptor => _fd;

    public unsafe int Read(byte[] storage)
    {
        fixed (byte* p = storage)
        {
            while (true)
            {
                if (Done(FuseLibC.read(_fd, p, (nuint)storage.Length), "read") is { } n)
                {
                    return n;
                }
            }
        }
    }

    public unsafe int Readv(IReadOnlyList<byte[]> blocks)
    {
        using var iov = new PinnedIoVectors(blocks);
        fixed (FuseLibC.IoVec* v = iov.Vectors)
        {
            while (true)
            {
                if (Done(FuseLibC.readv(_fd, v, iov.Vectors.Length), "readv") is { } n)
                {
                    return n;
                }
            }
        }
    }

    public unsafe int Writev(IReadOnlyList<ReadOnlyMemory<byte>> sglist)
    {
        using var iov = new PinnedIoVectors(sglist);
        fixed (FuseLibC.IoVec* v = iov.Vectors)
        {
            nint n = FuseLibC.writev(_fd, v, iov.Vectors.Length);
            int errno = Marshal.GetLastPInvokeError();
            // ENOENT: the request was interrupted and is gone; the kernel drops the reply (as upstream ignores it).
            return n >= 0 || errno == MountLibC.Enoent ? iov.Vectors.Length
                : errno == MountLibC.Enodev ? throw new FuseUnmountedException()
                : throw new Win32Exception(errno, "writev of a reply to /dev/fuse failed");
        }
    }

    /// <summary>The bytes read, or null when the read was interrupted (EINTR: try again).</summary>
    private static int? Done(nint n, string what)
    {
        if (n >= 0)
        {
            return (int)n;
        }

        int errno = Marshal.GetLastPInvokeError();
        return errno == MountLibC.Eintr ? null
            : throw (errno == MountLibC.Enodev ? new FuseUnmountedException() : new Win32Exception(errno, $"{what} of /dev/fuse failed"));
    }

    public void Dispose()
    {
        if (_fd >= 0)
        {
            _ = FuseLibC.close(_fd);
            _fd = -1;
        }
    }
}
