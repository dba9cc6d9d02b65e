using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Filestore;
using BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Filestore;

/// <summary>The filestore model over a real sparse file: what is deterministic, where the readers differ, and the real memory figures.</summary>
public class FilestoreModelTests
{
    private static Run RunToEnd(FilestoreScenario scenario, ReaderKind reader, ulong seed = 1)
    {
        var run = new Run(scenario.WithReader(reader), seed);
        run.RunToEnd();
        return run;
    }

    [Theory]
    [InlineData("filestore-seed-repro")]
    [InlineData("filestore-sequential")]
    public void BothReadersProduceTheSameEventLogWhenNothingChangesUnderThem(string preset)
    {
        FilestoreScenario scenario = ScenarioCatalog.Of<FilestoreScenario>().Single(p => p.Name == preset);
        using Run std = RunToEnd(scenario, ReaderKind.Std), mmap = RunToEnd(scenario, ReaderKind.Mmap), again = RunToEnd(scenario, ReaderKind.Std);

        Assert.Equal(std.Events.Sha256(), again.Events.Sha256());
        Assert.Equal(std.Events.Sha256(), mmap.Events.Sha256());
        var model = (FilestoreModel)std.Model;
        Assert.Equal(scenario.Config.ChunksToWrite, std.Events.Events.Count(e => e.Event is ChunkWritten));
        Assert.Equal(model.BlocksRead, model.StatusCounts[0]);
    }

    [Fact]
    public void AfterTheFileIsCutTheReadersDifferExactlyWhereTheSpecSays()
    {
        using Run std = RunToEnd(ScenarioCatalog.Get<FilestoreScenario>("filestore-truncated-file"), ReaderKind.Std), mmap = RunToEnd(ScenarioCatalog.Get<FilestoreScenario>("filestore-truncated-file"), ReaderKind.Mmap);
        long cut = ScenarioCatalog.Get<FilestoreScenario>("filestore-truncated-file").Config.TruncateTo!.Value;
        int chunk = ScenarioCatalog.Get<FilestoreScenario>("filestore-truncated-file").Config.ChunkBytes;
        BlockRead[] stdReads = [.. std.Events.Events.Select(e => e.Event).OfType<BlockRead>()];
        BlockRead[] mmapReads = [.. mmap.Events.Events.Select(e => e.Event).OfType<BlockRead>()];
        long truncatedAtStep = std.Events.Events.Single(e => e.Event is FileTruncated).Step;

        Assert.Equal(stdReads.Length, mmapReads.Length);
        for (int i = 0; i < stdReads.Length; i++)
        {
            BlockRead s = stdReads[i], m = mmapReads[i];
            Assert.Equal((s.Reader, s.Chunk), (m.Reader, m.Chunk));
            if (s.Status == 0)
            {
                Assert.Equal(0, m.Status);
                continue;
            }

            Assert.Equal(12, s.Status); // pread: short or nothing, EOF: changed
            Assert.True(s.Offset + chunk > cut);
            Assert.Equal(s.Offset < cut ? 12 : 10, m.Status); // a copy past the end is an invalid offset, or the guarded fault
        }

        Assert.Contains(mmap.Events.Events, e => e.Event is MappingFaultAvoided && e.Step > truncatedAtStep); // the read that had the file open when it was cut
        Assert.Contains(mmapReads, r => r.Error?.StartsWith("mmap: invalid ReadAt offset", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void RealMemoryIsMeasuredAndDroppingTheCacheShowsTheRemedy()
    {
        using Run run = RunToEnd(ScenarioCatalog.Get<FilestoreScenario>("filestore-sequential"), ReaderKind.Std);
        var model = (FilestoreModel)run.Model;
        model.MeasureNow();

        Assert.True(model.PeakRssAnonBytes > 0 && model.PeakRssFileBytes > 0 && model.PeakPageCacheBytes > 0);
        Assert.True(model.FileResidentBytes > 0, "the written chunks should be in the page cache");
        Assert.True(model.Latencies.Percentile(50) > 0);
        model.DropFileCache();
        Assert.True(model.FileResidentBytes < (long)ScenarioCatalog.Get<FilestoreScenario>("filestore-sequential").Config.ChunksToWrite * ScenarioCatalog.Get<FilestoreScenario>("filestore-sequential").Config.ChunkBytes / 4,
            $"{model.FileResidentBytes} bytes still resident after posix_fadvise DONTNEED");
    }

    [Fact]
    public void DisposingTheRunDeletesItsFileAndDatabase()
    {
        Run run = RunToEnd(ScenarioCatalog.Get<FilestoreScenario>("filestore-truncated-file"), ReaderKind.Mmap);
        string directory = ((FilestoreModel)run.Model).WorkingDirectory;
        Assert.True(File.Exists(Path.Combine(directory, "filestore.db")));

        run.Dispose();
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void MmapMapsTheWholeFilePerReadInFlightWhileStdMapsNothingAndBothHoldOneBufferPerRead()
    {
        FilestoreScenario scenario = ScenarioCatalog.Get<FilestoreScenario>("filestore-seed-repro");
        using Run std = new(scenario.WithReader(ReaderKind.Std), 1), mmap = new(scenario.WithReader(ReaderKind.Mmap), 1);
        long file = scenario.Config.FileBytes, block = scenario.Config.ChunkBytes;
        bool sawInFlight = false;
        while (!std.IsFinished)
        {
            std.StepOnce();
            mmap.StepOnce();
            var s = (FilestoreSnapshot)std.Model.Snapshot();
            var m = (FilestoreSnapshot)mmap.Model.Snapshot();
            Assert.Equal(0, s.MappedBytes);
            Assert.Equal(s.BufferBytes, m.BufferBytes); // the same reads in flight: the event logs are equal
            Assert.Equal(m.BufferBytes / block * file, m.MappedBytes);
            Assert.Equal(0, s.BufferBytes % block);
            sawInFlight |= m.MappedBytes > 0;
        }

        var sEnd = (FilestoreSnapshot)std.Model.Snapshot();
        var mEnd = (FilestoreSnapshot)mmap.Model.Snapshot();
        Assert.True(sawInFlight, "some step should end with a read between its mapping and its ReadAt");
        Assert.Equal(0, sEnd.PeakMappedBytes);
        Assert.Equal(sEnd.PeakBufferBytes, mEnd.PeakBufferBytes);
        Assert.Equal(mEnd.PeakBufferBytes / block * file, mEnd.PeakMappedBytes);
        Assert.InRange(mEnd.PeakMappedBytes, file, scenario.Config.Readers * file);
        Assert.Equal(0, sEnd.MappedBytes + mEnd.MappedBytes); // nothing in flight at the end
    }

    [Fact]
    public void BadConfigurationsNameTheField()
    {
        Assert.Equal("chunksToWrite: must be from 1 to the chunks in the file (4), got 5",
            new FilestoreConfig { FileBytes = 1 << 20, ChunksToWrite = 5 }.Problem());
        Assert.StartsWith("chunksToWrite: chunks written × chunkBytes is", new FilestoreConfig { FileBytes = 8L << 30, ChunksToWrite = 8192 }.Problem(), StringComparison.Ordinal);
        Assert.Equal("truncateTo: must be from 0 to fileBytes (4294967296), got -1", new FilestoreConfig { TruncateTo = -1 }.Problem());
    }
}
