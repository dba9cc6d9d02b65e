using System.Runtime.InteropServices;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// Gives the native heap's free memory back to the machine. The runtime's own native allocations
/// go through glibc's malloc, whose per-thread arenas keep what was freed: across 100 open/close
/// cycles of a large keep file they grew by about 29 MiB of anonymous memory (smaps: four 64
/// MiB-aligned arena heaps) while the GC's heap came back whole. malloc_trim(0) returns their free
/// pages; a no-op elsewhere than glibc.
/// </summary>
internal static class NativeHeap
{
    /// <summary>True when some memory was given back.</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return MallocTrim(0) != 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl has no arenas to trim)
        }
    }

    // DllImport, not LibraryImport: that one needs unsafe code in the project, and this takes and returns plain ints.
    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
