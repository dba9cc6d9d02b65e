namespace BufferLab.Simulator.Engine.Simulations.Filestore.Processes;

/// <summary>
/// A memory cgroup (v1) of one reader process, under this process's own, so the page cache its
/// reads bring in is charged to it alone (memory.stat's "cache"): pages already cached stay charged
/// to whoever read or wrote them first. Where the memory controller is not there or not writable,
/// there is none, and the figure is reported as unknown (-1).
/// </summary>
public sealed class ReaderCgroup : IDisposable
{
    public const string Prefix = "bufferlab-reader-";

    private ReaderCgroup(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>This process's memory cgroup directory (cgroup v1), or null.</summary>
    public static string? Own() => Path("/proc/self/cgroup");

    /// <summary>Moves process <paramref name="pid"/> into a cgroup of its own; null where that cannot be done.</summary>
    public static ReaderCgroup? TryCreate(int pid)
    {
        if (Own() is not { } parent)
        {
            return null;
        }

        foreach (string orphan in System.IO.Directory.EnumerateDirectories(parent, Prefix + "*"))
        {
            if (!System.IO.Directory.Exists("/proc/" + System.IO.Path.GetFileName(orphan)[Prefix.Length..]))
            {
                TryRemove(orphan); // a reader whose parent was killed before it could remove the cgroup
            }
        }

        string directory = System.IO.Path.Combine(parent, Prefix + pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(System.IO.Path.Combine(directory, "cgroup.procs"), pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new ReaderCgroup(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryRemove(directory);
            return null;
        }
    }

    /// <summary>Page-cache bytes charged to the calling process's own reader cgroup, or -1 when it is not in one.</summary>
    public static long ChargedToSelf()
    {
        if (Own() is not { } directory || !System.IO.Path.GetFileName(directory).StartsWith(Prefix, StringComparison.Ordinal))
        {
            return -1;
        }

        string? cache = File.ReadLines(System.IO.Path.Combine(directory, "memory.stat")).FirstOrDefault(l => l.StartsWith("cache ", StringComparison.Ordinal));
        return cache is null ? -1 : long.Parse(cache.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Removes the cgroup once its process has ended (its charges move to the parent).</summary>
    public void Dispose() => TryRemove(Directory);

    private static string? Path(string cgroupFile)
    {
        try
        {
            string? line = File.ReadLines(cgroupFile).FirstOrDefault(l => l.Split(':') is [_, string controllers, _] && controllers.Split(',').Contains("memory"));
            string directory = "/sys/fs/cgroup/memory" + line?.Split(':')[2];
            return line is not null && File.Exists(System.IO.Path.Combine(directory, "memory.stat")) ? directory : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void TryRemove(string directory)
    {
        for (int attempt = 0; attempt < 20 && System.IO.Directory.Exists(directory); attempt++)
        {
            try
            {
                System.IO.Directory.Delete(directory); // rmdir: fails while a task is still in it
            }
            catch (IOException)
            {
                Thread.Sleep(25);
            }
        }
    }
}
