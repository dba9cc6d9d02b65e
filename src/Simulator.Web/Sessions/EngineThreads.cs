using System.Runtime.InteropServices;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// Lowers an engine thread's priority. .NET's <see cref="Thread.Priority"/> does nothing on Linux
/// (the runtime leaves every thread at the process's nice value), so there the thread's own nice
/// value is raised with setpriority(2), which Linux applies per thread. Raising it needs no privilege.
/// </summary>
internal static class EngineThreads
{
    /// <summary>Nice 10 weighs about a tenth of a nice-0 thread when both want the same core, and everything when it is alone.</summary>
    public const int Niceness = 10;

    private const int PrioProcess = 0; // PRIO_PROCESS: with a thread id, that thread only (Linux)

    /// <summary>Lowers the calling thread; false when the system did not let it (then it runs as before).</summary>
    public static bool LowerCurrent()
    {
        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal; // what the other platforms honour
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        try
        {
            return SetPriority(PrioProcess, GetThreadId(), Niceness) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc: the thread keeps the process's priority
        }
    }

    // DllImport, not LibraryImport: that one needs unsafe code in the project, and these two take and return plain ints.
    [DllImport("libc.so.6", EntryPoint = "setpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int niceness);

    [DllImport("libc.so.6", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();
}
