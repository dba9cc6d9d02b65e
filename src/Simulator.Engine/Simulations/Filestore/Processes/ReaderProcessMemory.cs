using System.Globalization;
using BufferLab.Simulator.Engine.Telemetry.HostMemory;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Processes;

/// <summary>
/// One reader process's memory, read by the process itself while its block is still open: its
/// resident anonymous and file-backed bytes (/proc/self/status), the size and resident bytes of
/// its mapping of the file (/proc/self/smaps; 0 for the std reader), its minor and major page
/// faults so far (/proc/self/stat), and the page cache charged to its own memory cgroup (-1 where
/// it has none: <see cref="ReaderCgroup"/>).
/// </summary>
public readonly record struct ReaderProcessMemory(long RssAnonBytes, long RssFileBytes, long MappedBytes, long MappedResidentBytes, long MinorFaults, long MajorFaults, long PageCacheChargedBytes)
{
    public const int Fields = 7;

    /// <summary>
    /// Measures this process now. The mapping of <paramref name="filePath"/> is read from smaps only
    /// when <paramref name="residentInMapping"/> is null: a .NET process has tens of thousands of
    /// smaps lines, so its reader samples them (and passes the last figure in between).
    /// </summary>
    public static ReaderProcessMemory Measure(string filePath, long? residentInMapping = null)
    {
        MemorySample sample = MemorySample.Read();
        (long mapped, long resident) = residentInMapping is { } known ? (-1, known) : Mapping(filePath);
        (long minor, long major) = Faults();
        return new(sample.RssAnonBytes, sample.RssFileBytes, mapped, resident, minor, major, ReaderCgroup.ChargedToSelf());
    }

    public string Format() => string.Join(' ', new[] { RssAnonBytes, RssFileBytes, MappedBytes, MappedResidentBytes, MinorFaults, MajorFaults, PageCacheChargedBytes }.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    public static ReaderProcessMemory Parse(IReadOnlyList<string> fields)
    {
        long[] v = [.. fields.Take(Fields).Select(f => long.Parse(f, CultureInfo.InvariantCulture))];
        return new(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    /// <summary>The Size and Rss lines of every /proc/self/smaps entry that maps <paramref name="filePath"/>, in bytes.</summary>
    private static (long Size, long Rss) Mapping(string filePath)
    {
        long size = 0, rss = 0;
        bool inFile = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Contains('-', StringComparison.Ordinal))
            {
                inFile = line.EndsWith(" " + filePath, StringComparison.Ordinal);
            }
            else if (inFile && line.StartsWith("Size:", StringComparison.Ordinal))
            {
                size += Kb(line) * 1024;
            }
            else if (inFile && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                rss += Kb(line) * 1024;
            }
        }

        return (size, rss);
    }

    private static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    /// <summary>minflt and majflt: fields 10 and 12 of /proc/self/stat, counted after the command name's closing parenthesis.</summary>
    private static (long Minor, long Major) Faults()
    {
        string stat = File.ReadAllText("/proc/self/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[7], CultureInfo.InvariantCulture), long.Parse(fields[9], CultureInfo.InvariantCulture));
    }
}
