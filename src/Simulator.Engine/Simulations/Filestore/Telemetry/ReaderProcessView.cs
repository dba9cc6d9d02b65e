using BufferLab.Simulator.Engine.Simulations.Filestore.Processes;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;

/// <summary>One reader process as the page shows it: its memory at its last read, its peaks (resident, mapped and resident in the mapping), and the bytes it copied into its read buffers.</summary>
public sealed record ReaderProcessView(int Reader)
{
    public ReaderProcessMemory Memory { get; init; }

    public long PeakRssAnonBytes { get; init; }

    public long PeakRssFileBytes { get; init; }

    public long PeakMappedBytes { get; init; }

    public long PeakMappedResidentBytes { get; init; }

    public long CopiedBytes { get; init; }

    public int Reads { get; init; }

    public ReaderProcessView After(ReaderProcessMemory memory, long copied) => this with
    {
        Memory = memory,
        PeakRssAnonBytes = Math.Max(PeakRssAnonBytes, memory.RssAnonBytes),
        PeakRssFileBytes = Math.Max(PeakRssFileBytes, memory.RssFileBytes),
        PeakMappedBytes = Math.Max(PeakMappedBytes, memory.MappedBytes),
        PeakMappedResidentBytes = Math.Max(PeakMappedResidentBytes, memory.MappedResidentBytes),
        CopiedBytes = CopiedBytes + copied,
        Reads = Reads + 1,
    };
}
