using System.Runtime.InteropServices;

namespace BufferLab.Simulator.Engine.Systems.Fuse.Mount;

/// <summary>The libc calls of a real mount: open /dev/fuse, mount(2) and umount2(2).</summary>
internal static partial class MountLibC
{
    public const int ORdwr = 2, OCloexec = 0x80000;
    public const ulong MsNosuid = 2, MsNodev = 4;
    public const int MntDetach = 2;
    public const int Eintr = 4, Enoent = 2, Einval = 22, Ebusy = 16, Enodev = 19;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mount(string source, string target, string type, ulong flags, string data);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int umount2(string target, int flags);
}
