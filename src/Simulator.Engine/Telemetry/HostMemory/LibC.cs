using System.Runtime.InteropServices;

namespace BufferLab.Simulator.Engine.Telemetry.HostMemory;

/// <summary>The few libc calls the memory measurements and file checks need (Linux).</summary>
internal static partial class LibC
{
    public const int ProtRead = 1;
    public const int MapShared = 1;
    public const int PosixFadvDontNeed = 4;
    public static readonly IntPtr MapFailed = new(-1);

    [LibraryImport("libc", SetLastError = true)]
    public static partial IntPtr mmap(IntPtr addr, nuint length, int prot, int flags, int fd, long offset);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int munmap(IntPtr addr, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial int mincore(IntPtr addr, nuint length, byte* vec);

    [LibraryImport("libc")]
    public static partial int posix_fadvise(int fd, long offset, long length, int advice);

    [LibraryImport("libc")]
    public static partial int getpagesize();

    public const int AtFdCwd = -100;
    public const uint StatxType = 1;

    /// <summary>statx(2): its stx_mode (a 16-bit field at byte 28 on every architecture) holds the file's type.</summary>
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}
