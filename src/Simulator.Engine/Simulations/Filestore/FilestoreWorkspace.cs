using System.Diagnostics;
using System.Globalization;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>
/// Where filestore runs keep their real files: <c>$TMPDIR/bufferlab-filestore/PID-ID</c>. A run
/// deletes its folder when disposed; a process that was killed cannot, so the next dashboard or
/// CLI start removes the folders of processes that no longer run.
/// </summary>
public static class FilestoreWorkspace
{
    public static string Root => Path.Combine(Path.GetTempPath(), "bufferlab-filestore");

    /// <summary>A new, empty folder for one run, named for this process.</summary>
    public static string Create()
    {
        string folder = Path.Combine(Root, string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Deletes the folders left by processes that have ended (and any not named PID-ID); returns how many.</summary>
    public static int RemoveOrphans()
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        int removed = 0;
        foreach (string folder in Directory.EnumerateDirectories(Root))
        {
            string name = Path.GetFileName(folder);
            int dash = name.IndexOf('-', StringComparison.Ordinal);
            bool owned = dash > 0 && int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && IsRunning(pid);
            if (!owned)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                    removed++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // another cleaner got there first, or it is not ours to delete
                }
            }
        }

        return removed;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
