using System.Runtime.InteropServices;

namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>The libc calls of a FUSE connection: a message-preserving socket pair standing in for /dev/fuse, readv and writev.</summary>
internal static partial class FuseLibC
{
    public const int AfUnix = 1, SockSeqpacket = 5, SolSocket = 1, SoSndbuf = 7, SoRcvbuf = 8, SoSndbufForce = 32, SoRcvbufForce = 33;
    public const int Eintr = 4, Eagain = 11, Einval = 22, Emsgsize = 90;
    public const int MsgPeek = 2, MsgTrunc = 0x20, MsgDontwait = 0x40;

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public IntPtr Base;
        public nuint Length;
    }

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socketpair(int domain, int type, int protocol, Span<int> sv);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setsockopt(int fd, int level, int name, ref int value, int length);

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial nint readv(int fd, IoVec* iov, int count);

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial nint writev(int fd, IoVec* iov, int count);

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial nint read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial nint write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial nint recv(int fd, byte* buffer, nuint count, int flags);

    [LibraryImport("libc")]
    public static partial int close(int fd);
}
