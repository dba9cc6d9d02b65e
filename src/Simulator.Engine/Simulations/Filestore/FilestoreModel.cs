using System.Diagnostics;
using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using BufferLab.Simulator.Engine.Simulations.Filestore.Processes;
using BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;
using BufferLab.Simulator.Engine.Systems.Filestore;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Engine.Telemetry.HostMemory;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>
/// A real filestore under the seed's workload: a sparse file on disk, a SQLite datastore of
/// references, writers and readers as actors of the deterministic scheduler. Which blocks are
/// written and read, and every status, is a function of the seed (the event log); how long reads
/// take and how much memory the process and the page cache hold are measured, as metrics.
/// </summary>
public sealed partial class FilestoreModel : ISimulationModel<FilestoreSnapshot>, IOutsideState, IDisposable
{
    public const string SystemId = "filestore";

    /// <summary>Most regions in the file grid.</summary>
    public const int MaxRegions = 1024;

    private const int RecentReadCount = 24;

    /// <summary>Reads between two samples of process memory (/proc/self/status, /proc/meminfo).</summary>
    private const int MemoryEvery = 4;

    /// <summary>Virtual time between a read's open (or mapping) and its ReadAt: another actor may run in between.</summary>
    private static readonly TimeSpan ReadGap = TimeSpan.FromMicroseconds(20);

    private readonly RunContext _context;
    private readonly FilestoreDisk _disk;
    private readonly FileResidency _residency;
    [MachineValue]
    private readonly FilestoreMeasurements _measured;
    private readonly List<int> _order;
    private readonly List<int> _written = [];
    private readonly Dictionary<int, Cid> _cids = [];
    private readonly int[] _regionWritten, _regionReads;
    private readonly Queue<BlockReadView> _recent = new();
    private readonly Queue<TimeSpan> _lastSecond = new();
    private readonly SortedDictionary<int, int> _statuses = [];
    private int _nextToWrite;
    private int _writersDone;
    private TimeSpan _writesEndedAt;
    private bool _truncated;
    private readonly SortedDictionary<int, OpenRead> _open = [];

    /// <summary>One child process per reader when <see cref="FilestoreConfig.ReaderProcesses"/>; else none, and reads run in this process. The machine's: a checkpoint shares them.</summary>
    [MachineValue]
    private readonly ReaderProcess[] _processes = [];

    public FilestoreModel(FilestoreConfig config, RunContext context)
    {
        if (config.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(config));
        }

        Config = config;
        _context = context;
        WorkingDirectory = FilestoreWorkspace.Create();
        _disk = new FilestoreDisk(WorkingDirectory, config.FileBytes, config.ChunkBytes, config.Reader);
        _residency = new FileResidency(_disk.Handle, config.FileBytes);
        int regions = (int)Math.Min(MaxRegions, config.ChunksInFile);
        _regionWritten = new int[regions];
        _regionReads = new int[regions];
        _measured = new FilestoreMeasurements(_residency, config.ChunkBytes, regions, config.ReaderProcesses ? config.Readers : 0);
        if (config.ReaderProcesses)
        {
            _processes = [.. Enumerable.Range(0, config.Readers).Select(_ => new ReaderProcess(_disk.Root, _disk.DatastorePath, config.Reader))];
        }

        _order = config.WriteOrder is { } order ? [.. order] : ChunkOrder(config, context.Random.Fork("filestore.order"));
        for (int w = 1; w <= config.Writers; w++)
        {
            context.Scheduler.Spawn($"writer-{w}", Write(w));
        }

        for (int r = 1; r <= config.Readers; r++)
        {
            IReadOnlyList<int>? chunks = config.ReaderChunks is { } lists ? (r <= lists.Count ? lists[r - 1] : []) : null;
            context.Scheduler.Spawn($"reader-{r}", Read(r, context.Random.Fork($"filestore.reader.{r}"), chunks), ReadGap * r);
        }
    }

    public string System => SystemId;

    public string? Failure => null;

    public FilestoreConfig Config { get; }

    public FileManager Manager => _disk.Manager;

    /// <summary>Where this run's file and database live; deleted when the model is disposed.</summary>
    [field: MachineValue]
    public string WorkingDirectory { get; }

    public string FilePath => _disk.FilePath;

    public int BlocksRead { get; private set; }

    public long BytesRead { get; private set; }

    public long HeapBytes { get; private set; }

    /// <summary>Measured read times in microseconds.</summary>
    public Percentiles Latencies => _measured.Latencies;

    public long PeakRssAnonBytes => _measured.PeakRssAnonBytes;

    public long PeakRssFileBytes => _measured.PeakRssFileBytes;

    public long PeakPageCacheBytes => _measured.PeakPageCacheBytes;

    public long FileResidentBytes => _measured.FileResidentBytes;

    public long PeakFileResidentBytes => _measured.PeakFileResidentBytes;

    /// <summary>Address space mapped by the reads in flight now: the whole file (its size at open) per mmap read, nothing for std.</summary>
    public long MappedBytes => _open.Values.Sum(o => o.Mapped);

    /// <summary>The most address space mapped at once by reads in flight.</summary>
    public long PeakMappedBytes { get; private set; }

    /// <summary>Read buffers (outbuf, one Size-byte heap buffer per read, either reader) of the reads in flight now.</summary>
    public long BufferBytes => _open.Values.Sum(o => o.Size);

    /// <summary>The most read-buffer bytes held at once by reads in flight.</summary>
    public long PeakBufferBytes { get; private set; }

    public IReadOnlyDictionary<int, int> StatusCounts => _statuses;

    private TimeSpan Now => _context.Clock.Elapsed;

    /// <summary>Writes the file's dirty pages back (fsync), drops its pages from the page cache (posix_fadvise DONTNEED), then measures again: the remedy, shown.</summary>
    public void DropFileCache()
    {
        _disk.Flush();
        _measured.DropCache();
        MeasureNow();
    }

    /// <summary>Measures memory and residency now (the report's final figures).</summary>
    public void MeasureNow()
    {
        _measured.MeasureResidency(_written, RegionOf);
        _measured.SampleMemory();
    }

    public FilestoreSnapshot Snapshot()
    {
        int regions = _regionWritten.Length;
        long regionBytes = Config.FileBytes / regions;
        var views = new FileRegionView[regions];
        for (int i = 0; i < regions; i++)
        {
            views[i] = new FileRegionView(i, i * regionBytes, regionBytes, _regionWritten[i], _regionReads[i], _measured.RegionResident[i]);
        }

        return new FilestoreSnapshot(FilestoreChoices.Readers.NameOf(Config.Reader), VirtualTime.Micros(Now), Config.FileBytes, Config.ChunkBytes, _written.Count,
            Config.ChunkCount, views, [.. _recent.Reverse()], new Dictionary<int, int>(_statuses), _measured.Memory.RssAnonBytes, _measured.Memory.RssFileBytes,
            _measured.Memory.PageCacheBytes, FileResidentBytes, _truncated ? Config.TruncateTo : null, BlocksRead, BytesRead, _lastSecond.Count,
            Latencies.Percentile(50), Latencies.Percentile(99), PeakRssAnonBytes, PeakRssFileBytes, PeakFileResidentBytes)
        {
            MappedBytes = MappedBytes,
            PeakMappedBytes = PeakMappedBytes,
            BufferBytes = BufferBytes,
            PeakBufferBytes = PeakBufferBytes,
            ReaderProcesses = [.. _measured.Readers],
        };
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{FilestoreChoices.Readers.NameOf(Config.Reader)} reader: {_written.Count}/{Config.ChunkCount} chunks written, {BlocksRead} blocks read ({string.Join(", ", _statuses.Select(kv => $"{kv.Value}×{FilestoreErrors.StatusText((FilestoreStatus)kv.Key)}"))})");

    public string HeldMeasure => Config.Reader == ReaderKind.Mmap ? "bytes mapped by open block readers" : "bytes of open blocks, read into a buffer each";

    /// <summary>An open std reader will read its block into a buffer of the block's size; an open mmap reader maps the whole file.</summary>
    public long HeldBytes => _open.Values.Sum(o => Held(o.Size));

    public IReadOnlyList<PeakHolding> Holdings() =>
    [
        .. _open.Select(o => new PeakHolding(
            $"chunk {o.Value.Chunk} ({_cids[o.Value.Chunk].ToString()[..12]}…)", Held(o.Value.Size), $"reader-{o.Key}",
            Config.Reader == ReaderKind.Mmap ? $"a mapping of the whole file, bytes {(long)o.Value.Chunk * Config.ChunkBytes}+{o.Value.Size} read" : $"a {o.Value.Size}-byte pread buffer")),
    ];

    private long Held(long size) => Config.Reader == ReaderKind.Mmap ? Config.FileBytes : size;

    public IReadOnlyList<MetricValue> Metrics()
    {
        var metrics = new List<MetricValue>
        {
            FilestoreMetric.TimeMs.With(Now.TotalMilliseconds),
            FilestoreMetric.ChunksWritten.With(_written.Count),
            FilestoreMetric.BlocksRead.With(BlocksRead),
            FilestoreMetric.BytesRead.With(BytesRead),
            FilestoreMetric.ReadsPerSecond.With(_lastSecond.Count),
            FilestoreMetric.HeapBytes.With(HeapBytes),
            FilestoreMetric.ReadLatencyP50Us.With(Latencies.Percentile(50)),
            FilestoreMetric.ReadLatencyP99Us.With(Latencies.Percentile(99)),
            FilestoreMetric.RssAnonBytes.With(_measured.Memory.RssAnonBytes),
            FilestoreMetric.RssFileBytes.With(_measured.Memory.RssFileBytes),
            FilestoreMetric.PageCacheBytes.With(_measured.Memory.PageCacheBytes),
            FilestoreMetric.FileResidentBytes.With(FileResidentBytes),
        };
        foreach (FilestoreStatus status in Enum.GetValues<FilestoreStatus>())
        {
            metrics.Add(FilestoreMetric.Status(status).With(_statuses.GetValueOrDefault((int)status)));
        }

        return metrics;
    }

    public IReadOnlyDictionary<string, object> ReportMetrics()
    {
        MeasureNow();
        return new Dictionary<string, object>
        {
            ["chunksWritten"] = _written.Count,
            ["blocksRead"] = BlocksRead,
            ["bytesRead"] = BytesRead,
            ["statusCounts"] = _statuses.ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value),
            ["heapBytes"] = HeapBytes,
            ["peakRssFileBytes"] = PeakRssFileBytes,
            ["peakRssAnonBytes"] = PeakRssAnonBytes,
            ["peakPageCacheBytes"] = PeakPageCacheBytes,
            ["peakFileResidentBytes"] = PeakFileResidentBytes,
            ["fileResidentBytesAtEnd"] = FileResidentBytes,
            ["readLatencyP50Us"] = Latencies.Percentile(50),
            ["readLatencyP99Us"] = Latencies.Percentile(99),
            ["virtualTimeMs"] = Now.TotalMilliseconds,
        }.Concat(_measured.ReaderMetrics()).ToDictionary();
    }

    /// <summary>A checkpoint is taken between reads: a reader open across a step holds a file descriptor or a mapping no copy can hold.</summary>
    public bool CanCheckpoint => _open.Count == 0;

    /// <summary>The file's length (it may have been truncated); the chunks and references to put back are in the model's own state.</summary>
    public object CaptureOutside() => _disk.Length;

    public void RestoreOutside(object outside) => _disk.Restore((long)outside, _cids, ChunkData);

    public void Abandon()
    {
        foreach (OpenRead read in _open.Values)
        {
            read.Block?.Dispose(); // a reader process drops its block at its next open
        }
    }

    public void Dispose()
    {
        Abandon();
        foreach (ReaderProcess process in _processes)
        {
            process.Dispose();
        }

        _residency.Dispose();
        _disk.Dispose();
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a reader of the web page may still hold a file open for a moment; the OS temp cleaner takes the rest
        }
    }

    private static List<int> ChunkOrder(FilestoreConfig config, SeededRandom random)
    {
        if (!config.RandomOrder)
        {
            return [.. Enumerable.Range(0, config.ChunksToWrite)];
        }

        // Floyd's sampling: distinct chunks in random order without listing the whole file.
        int total = (int)Math.Min(int.MaxValue, config.ChunksInFile);
        var chosen = new HashSet<int>();
        var order = new List<int>(config.ChunksToWrite);
        for (int j = total - config.ChunksToWrite; j < total; j++)
        {
            int pick = random.NextInt(j + 1);
            int chunk = chosen.Add(pick) ? pick : j;
            if (chunk == j)
            {
                chosen.Add(j);
            }

            order.Insert(random.NextInt(order.Count + 1), chunk);
        }

        return order;
    }

    private IEnumerable<TimeSpan> Write(int writer)
    {
        TimeSpan interval = TimeSpan.FromSeconds(Config.ChunkBytes * 8.0 / (Config.WriteMbps * 1e6 / Config.Writers));
        while (_nextToWrite < _order.Count)
        {
            int chunk = _order[_nextToWrite++];
            long offset = (long)chunk * Config.ChunkBytes;
            byte[] data = ChunkData(chunk);
            Cid cid = Cid.Of(data);
            _disk.Write(chunk, data, cid);
            _cids[chunk] = cid;
            _written.Add(chunk);
            _regionWritten[RegionOf(offset)]++;
            _context.Record($"writer-{writer}", $"w{chunk}");
            _context.Emit(new ChunkWritten(writer, chunk, offset, cid.ToString()));
            _measured.CountOperation(_written, RegionOf);
            yield return interval;
        }

        if (++_writersDone == Config.Writers)
        {
            _writesEndedAt = Now;
        }
    }

    /// <summary>A chunk's bytes: the same for a chunk in every run of a seed, so a restore can write them again.</summary>
    private byte[] ChunkData(int chunk)
    {
        byte[] data = new byte[Config.ChunkBytes];
        _context.Random.Fork($"filestore.chunk.{chunk}").NextBytes(data);
        return data;
    }

    /// <summary>A reader: a written chunk at random every interval, or the given <paramref name="chunks"/> in turn (each once it is written).</summary>
    private IEnumerable<TimeSpan> Read(int reader, SeededRandom random, IReadOnlyList<int>? chunks)
    {
        TimeSpan interval = TimeSpan.FromMilliseconds(Config.ReadIntervalMs);
        int next = 0;
        while (_writersDone < Config.Writers || Now <= _writesEndedAt + TimeSpan.FromMilliseconds(Config.TailMs))
        {
            if (chunks is not null && next == chunks.Count)
            {
                yield break;
            }

            if (_written.Count == 0 || (chunks is not null && !_cids.ContainsKey(chunks[next])))
            {
                yield return interval;
                continue;
            }

            int chunk = chunks is null ? _written[random.NextInt(_written.Count)] : chunks[next++];
            _context.Record($"reader-{reader}", $"r{chunk}");
            if (StartRead(reader, chunk))
            {
                yield return ReadGap; // the ReadAt is a step of its own: the file may change in between
                FinishRead(reader);
            }

            _measured.CountOperation(_written, RegionOf);
            yield return interval;
        }
    }

    private void Record(int reader, int chunk, FilestoreStatus status, string? message, double latencyUs)
    {
        long offset = (long)chunk * Config.ChunkBytes;
        BlocksRead++;
        Latencies.Add(latencyUs);
        _statuses[(int)status] = _statuses.GetValueOrDefault((int)status) + 1;
        _regionReads[RegionOf(offset)]++;
        _lastSecond.Enqueue(Now);
        while (_lastSecond.Peek() < Now - TimeSpan.FromSeconds(1))
        {
            _lastSecond.Dequeue();
        }

        _recent.Enqueue(new BlockReadView(VirtualTime.Micros(Now), reader, chunk, offset, (int)status, FilestoreErrors.StatusText(status), message, latencyUs));
        if (_recent.Count > RecentReadCount)
        {
            _recent.Dequeue();
        }

        if (message == MmapReader.TruncatedUnderMapping)
        {
            _context.Emit(new MappingFaultAvoided(reader, chunk, offset, Config.FileBytes, _disk.Length));
        }

        _context.Emit(new BlockRead(reader, chunk, offset, (int)status, FilestoreErrors.StatusText(status), Config.ChunkBytes, message));
    }

    private void TruncateIfDue()
    {
        if (!_truncated && Config.TruncateTo is { } length && Now >= TimeSpan.FromMilliseconds(Config.TruncateAtMs))
        {
            _truncated = true;
            _disk.Truncate(length);
            _context.Emit(new FileTruncated(length));
        }
    }

    private int RegionOf(long offset) => (int)Math.Min(_regionWritten.Length - 1, offset * _regionWritten.Length / Config.FileBytes);
}
