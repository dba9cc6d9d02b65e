using BufferLab.Simulator.Engine.Simulations.Filestore.Processes;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;

/// <summary>One reader process as the page shows it: its memory at its last read, its peaks (resident, mapped, resident in the mapping, page cache charged to it), and the bytes it copied into its read buffers.</summary>
public sealed record ReaderProcessView(int Reader)
{
    public ReaderProcessMemory Memory { get; init; }

    public long PeakRssAnonBytes { get; init; }

    public long PeakRssFileBytes { get; init; }

    public long PeakMappedBytes { get; init; }

    public long PeakMappedResidentBytes { get; init; }

    public long CopiedBytes { get; init; }

    /// <summary>The most page cache charged to the reader's own cgroup since its first read (its runtime's own files left out); -1: not measured here.</summary>
    public long PeakPageCacheChargedBytes { get; init; } = -1;

    /// <summary>What its cgroup was charged at its first read.</summary>
    public long ChargedAtFirstRead { get; init; } = -1;

    public int Reads { get; init; }

    public ReaderProcessView After(ReaderProcessMemory memory, long copied) => this with
    {
        Memory = memory,
        PeakRssAnonBytes = Math.Max(PeakRssAnonBytes, memory.RssAnonBytes),
        PeakRssFileBytes = Math.Max(PeakRssFileBytes, memory.RssFileBytes),
        PeakMappedBytes = Math.Max(PeakMappedBytes, memory.MappedBytes),
        PeakMappedResidentBytes = Math.Max(PeakMappedResidentBytes, memory.MappedResidentBytes),
        CopiedBytes = CopiedBytes + copied,
        ChargedAtFirstRead = Reads == 0 ? memory.PageCacheChargedBytes : ChargedAtFirstRead,
        PeakPageCacheChargedBytes = memory.PageCacheChargedBytes < 0 ? -1
            : Math.Max(PeakPageCacheChargedBytes, memory.PageCacheChargedBytes - (Reads == 0 ? memory.PageCacheChargedBytes : ChargedAtFirstRead)),
        Reads = Reads + 1,
    };
}
