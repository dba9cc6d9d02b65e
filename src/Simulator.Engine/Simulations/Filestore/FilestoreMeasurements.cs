using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.Filestore.Processes;
using BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Engine.Telemetry.HostMemory;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>
/// What the machine shows of a filestore run, measured rather than simulated: read latencies, the
/// page-cache residency of the written chunks (in all and per region of the file grid), the
/// process's memory, and, with reader processes, each reader's own. None of it is in the event log; a run restored from a checkpoint keeps the
/// checkpoint's figures and measures on from there.
/// </summary>
internal sealed class FilestoreMeasurements(FileResidency residency, int chunkBytes, int regions, int readerProcesses)
{
    private readonly ReaderProcessView[] _readers = [.. Enumerable.Range(1, readerProcesses).Select(r => new ReaderProcessView(r))];

    /// <summary>Operations between two page-cache residency measurements (mincore over the written chunks).</summary>
    private const int ResidencyEvery = 16;

    private int _operations;

    /// <summary>Read times in microseconds.</summary>
    public Percentiles Latencies { get; } = new();

    /// <summary>The last sample of process memory (/proc/self/status, /proc/meminfo).</summary>
    public MemorySample Memory { get; private set; }

    public long PeakRssAnonBytes { get; private set; }

    public long PeakRssFileBytes { get; private set; }

    public long PeakPageCacheBytes { get; private set; }

    public long FileResidentBytes { get; private set; }

    public long PeakFileResidentBytes { get; private set; }

    /// <summary>Resident bytes per region of the file grid, at the last measurement.</summary>
    public long[] RegionResident { get; } = new long[regions];

    /// <summary>A write or a read was done: every <see cref="ResidencyEvery"/> of them, residency is measured again.</summary>
    public void CountOperation(IReadOnlyList<int> written, Func<long, int> regionOf)
    {
        if (++_operations % ResidencyEvery == 0)
        {
            MeasureResidency(written, regionOf);
        }
    }

    /// <summary>Page-cache residency of every written chunk (only written chunks can be cached: readers read nothing else).</summary>
    public void MeasureResidency(IReadOnlyList<int> written, Func<long, int> regionOf)
    {
        long total = 0;
        Array.Clear(RegionResident);
        foreach (int chunk in written)
        {
            long offset = (long)chunk * chunkBytes;
            long resident = residency.ResidentBytes(offset, chunkBytes);
            RegionResident[regionOf(offset)] += resident;
            total += resident;
        }

        FileResidentBytes = total;
        PeakFileResidentBytes = Math.Max(PeakFileResidentBytes, total);
    }

    public void SampleMemory()
    {
        Memory = MemorySample.Read();
        PeakRssAnonBytes = Math.Max(PeakRssAnonBytes, Memory.RssAnonBytes);
        PeakRssFileBytes = Math.Max(PeakRssFileBytes, Memory.RssFileBytes);
        PeakPageCacheBytes = Math.Max(PeakPageCacheBytes, Memory.PageCacheBytes);
    }

    /// <summary>Each reader process's memory as it last measured it, its peaks, and the bytes it copied out.</summary>
    public IReadOnlyList<ReaderProcessView> Readers => _readers;

    /// <summary>Reader process <paramref name="index"/> (from 0) finished a read: its memory then, and the bytes it copied into its buffer.</summary>
    public void ReaderRead(int index, ReaderProcessMemory memory, long copied) => _readers[index] = _readers[index].After(memory, copied);

    /// <summary>The report's per-reader figures, flat (`reader1.peakRssFileBytes`, …), so text, JSON and sweeps show them alike.</summary>
    public IEnumerable<KeyValuePair<string, object>> ReaderMetrics() => _readers.SelectMany(r => new (string Name, long Value)[]
    {
        ("peakRssAnonBytes", r.PeakRssAnonBytes), ("peakRssFileBytes", r.PeakRssFileBytes), ("peakMappedBytes", r.PeakMappedBytes),
        ("peakMappedResidentBytes", r.PeakMappedResidentBytes), ("peakPageCacheChargedBytes", r.PeakPageCacheChargedBytes), ("copiedBytes", r.CopiedBytes), ("minorFaults", r.Memory.MinorFaults), ("majorFaults", r.Memory.MajorFaults),
    }.Select(m => KeyValuePair.Create($"reader{r.Reader.ToString(CultureInfo.InvariantCulture)}.{m.Name}", (object)m.Value)));

    /// <summary>Asks the kernel to drop the file's clean pages from the page cache.</summary>
    public void DropCache() => residency.Drop();
}
