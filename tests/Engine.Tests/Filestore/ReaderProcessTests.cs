using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Tests.Filestore;

/// <summary>Readers in processes of their own: the same reads and statuses as in one process, and each process's memory, mapping and faults measured apart.</summary>
public sealed class ReaderProcessTests
{
    private static FilestoreScenario Small(bool processes, string preset = "filestore-seed-repro")
    {
        FilestoreScenario scenario = ScenarioCatalog.Get<FilestoreScenario>(preset);
        return scenario with { Config = scenario.Config with { ReaderProcesses = processes, ChunksToWrite = 32, Readers = 2 } };
    }

    [Theory]
    [InlineData("filestore-seed-repro", ReaderKind.Std)]
    [InlineData("filestore-truncated-file", ReaderKind.Mmap)]
    public void ProcessesReadWhatOneProcessReadsWithTheSameStatuses(string preset, ReaderKind reader)
    {
        using var inProcess = new Run(Small(false, preset).WithReader(reader), 3);
        using var children = new Run(Small(true, preset).WithReader(reader), 3);
        inProcess.RunToEnd();
        children.RunToEnd();

        Assert.Equal(inProcess.Events.Sha256(), children.Events.Sha256());
        Assert.False(((FilestoreScenario)Small(true, preset).ForEventLog()).Config.ReaderProcesses); // what outlines and fingerprints run: the same log, no processes
        Assert.Contains(children.Events.Events, e => e.Event is BlockRead);
    }

    [Fact]
    public void PagesAReaderBringsIntoTheCacheAreChargedToItsOwnCgroup()
    {
        using var run = new Run(Small(true).WithReader(ReaderKind.Std), 3);
        var model = (FilestoreModel)run.Model;
        run.SeekTo(200);
        IReadOnlyList<ReaderProcessView> before = model.Snapshot().ReaderProcesses;
        if (Simulations.Filestore.Processes.ReaderCgroup.Own() is null)
        {
            Assert.All(before, r => Assert.Equal(-1, r.PeakPageCacheChargedBytes)); // no memory cgroup here: unknown, not zero
            return;
        }

        // The writer (this process) cached every chunk it wrote: the readers' own charges are small (runtime files loaded late), not the chunks.
        long chargedBefore = before.Sum(r => r.PeakPageCacheChargedBytes);
        Assert.InRange(chargedBefore, 0, 2L << 20);
        model.DropFileCache();
        run.RunToEnd();

        // After the drop, the reads bring the 32 chunks (8 MiB) back, charged to the reader that read each first.
        Assert.True(model.Snapshot().ReaderProcesses.Sum(r => r.PeakPageCacheChargedBytes) >= chargedBefore + (4L << 20));
    }

    [Fact]
    public void TheFullScaleReproIsTheSeedsWorkload()
    {
        // Not run here (minutes, tens of GB through the page cache): checked to parse, with the seed's figures.
        string path = Path.Combine(SharedFiles.RepoRoot, "scenarios", "full-scale", "filestore-seed-repro-full.yaml");
        var scenario = (FilestoreScenario)Engine.Scenarios.Files.ScenarioFile.Parse(File.ReadAllText(path), path).Scenario;
        FilestoreConfig c = scenario.Config;

        Assert.True(c.FileBytes > 100_000_000_000L); // "a sparse file over 100 GB"
        Assert.Equal((256 << 10, 200.0, 1.0, true), (c.ChunkBytes, c.WriteMbps, c.ReadIntervalMs, c.ReaderProcesses));
        Assert.Equal(2, c.Readers); // GOMAXPROCS readers: 2 on these 2-core machines
        Assert.Null(c.Problem());
    }

    [Fact]
    public void EachReaderMeasuresItsOwnMappingAndCopies()
    {
        using var mmap = new Run(Small(true).WithReader(ReaderKind.Mmap), 3);
        using var std = new Run(Small(true).WithReader(ReaderKind.Std), 3);
        mmap.RunToEnd();
        std.RunToEnd();
        var mapped = (FilestoreModel)mmap.Model;
        var copied = (FilestoreModel)std.Model;
        IReadOnlyList<ReaderProcessView> mmapReaders = mapped.Snapshot().ReaderProcesses, stdReaders = copied.Snapshot().ReaderProcesses;

        Assert.Equal(2, mmapReaders.Count);
        Assert.All(mmapReaders, r =>
        {
            Assert.Equal(mapped.Config.FileBytes, r.PeakMappedBytes); // mmap.Open maps the whole file
            Assert.InRange(r.PeakMappedResidentBytes, 1, 4L * mapped.Config.ChunkBytes); // only the block read is touched
            Assert.True(r.Memory.MinorFaults > 0);
        });
        Assert.All(stdReaders, r => Assert.Equal(0, r.PeakMappedBytes));
        Assert.Equal(copied.BytesRead, stdReaders.Sum(r => r.CopiedBytes));
        Assert.Equal(copied.BlocksRead, stdReaders.Sum(r => r.Reads));
        Assert.Equal(2 * 8, copied.ReportMetrics().Keys.Count(k => k.StartsWith("reader", StringComparison.Ordinal) && k.Contains('.', StringComparison.Ordinal)));
    }
}
