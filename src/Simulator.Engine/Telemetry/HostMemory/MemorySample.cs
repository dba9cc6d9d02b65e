namespace BufferLab.Simulator.Engine.Telemetry.HostMemory;

/// <summary>One reading of real memory: the process's resident anonymous and file-backed bytes, and the system page cache.</summary>
public readonly record struct MemorySample(long RssAnonBytes, long RssFileBytes, long PageCacheBytes)
{
    /// <summary>/proc/self/status (RssAnon, RssFile) and /proc/meminfo (Cached); zeros where /proc is missing.</summary>
    public static MemorySample Read() => new(
        StatusKb("/proc/self/status", "RssAnon:") * 1024,
        StatusKb("/proc/self/status", "RssFile:") * 1024,
        StatusKb("/proc/meminfo", "Cached:") * 1024);

    private static long StatusKb(string file, string field)
    {
        try
        {
            foreach (string line in File.ReadLines(file))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(field.Length).Trim().ToString().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // not Linux, or /proc not mounted
        }

        return 0;
    }
}
