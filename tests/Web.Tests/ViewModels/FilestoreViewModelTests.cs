using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;
using BufferLab.Simulator.Web.Components.Systems.Filestore;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.ViewModels;

public sealed class FilestoreViewModelTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    private FilestoreViewModel Open(params (string Key, string? Value)[] query)
    {
        var vm = new FilestoreViewModel(_registry);
        vm.Load(query.ToDictionary(q => q.Key, q => q.Value));
        return vm;
    }

    [Fact]
    public void BothReadersOpenSideBySideByDefault()
    {
        using var vm = Open(("scenario", "filestore-truncated-file"));

        Assert.Equal("std", vm.Reader);
        Assert.Equal("mmap", vm.CompareReader);
        Assert.Equal("std", vm.Snapshot!.Reader);
        Assert.Equal("mmap", vm.CompareSnapshot!.Reader);
        Assert.Equal("scenario=filestore-truncated-file&seed=1&step=0&reader=std&compare=mmap", vm.QueryString);
        Assert.Equal(2, _registry.Count);
    }

    [Fact]
    public void AtTheEndTheReadersDisagreeOnTheCutFile()
    {
        using var vm = Open(("scenario", "filestore-truncated-file"), ("step", "end"));

        Assert.Equal(264, vm.Snapshot!.StatusCounts[12]);
        Assert.Equal(260, vm.CompareSnapshot!.StatusCounts[10]);
        Assert.Equal((6L << 20) + (100 << 10), vm.Snapshot.TruncatedTo);
        Assert.Equal(vm.Snapshot.TimeUs, vm.CompareSnapshot.TimeUs);
    }

    [Fact]
    public void SwitchingTheReaderSwapsTheSidesAtTheSameMoment()
    {
        using var vm = Open(("scenario", "filestore-truncated-file"), ("step", "300"));
        long before = vm.Snapshot!.TimeUs;
        vm.SetReader("mmap");

        Assert.Equal("mmap", vm.Snapshot!.Reader);
        Assert.Equal("std", vm.CompareSnapshot!.Reader);
        Assert.InRange(vm.Snapshot.TimeUs, before - 10_000, before);
    }

    [Fact]
    public void OneReaderAloneWhenAsked()
    {
        using var vm = Open(("compare", "none"), ("scenario", "filestore-truncated-file"));
        Assert.Null(vm.CompareSession);
        Assert.EndsWith("compare=none", vm.QueryString, StringComparison.Ordinal);

        vm.SetSideBySide(true);
        Assert.Equal("mmap", vm.CompareSnapshot!.Reader);
    }

    [Fact]
    public void DroppingTheCacheEmptiesTheFilesCachedPages()
    {
        using var vm = Open(("scenario", "filestore-truncated-file"), ("step", "end"), ("compare", "none"));
        long before = vm.Snapshot!.FileResidentBytes;
        string? done = vm.DropCache(compared: false);

        Assert.Equal($"Dropped the file's cached pages: {Units.Bytes(before)} resident before, {Units.Bytes(vm.Snapshot!.FileResidentBytes)} after.", done);
        Assert.True(vm.Snapshot!.FileResidentBytes < 1 << 20, $"{vm.Snapshot.FileResidentBytes} bytes still cached");
        Assert.True(vm.Snapshot.PeakFileResidentBytes >= 6L << 20);
    }

    [Fact]
    public void AtTheSeedReprosPeakMmapHasMappedTheFileOncePerReadInFlightAndTheCaptionSaysSo()
    {
        using var vm = Open(("scenario", "filestore-seed-repro"), ("step", "60"));
        FilestoreSnapshot std = vm.Snapshot!, mmap = vm.CompareSnapshot!;

        Assert.Equal(0, std.PeakMappedBytes);
        Assert.True(mmap.PeakMappedBytes >= 4L << 30, $"{mmap.PeakMappedBytes} mapped");
        Assert.Equal(0, mmap.PeakMappedBytes % (4L << 30)); // whole 4 GiB files
        Assert.Equal(mmap.PeakMappedBytes / (4L << 30) * (256 << 10), mmap.PeakBufferBytes);
        Assert.Equal(
            $"mmap maps {Units.Bytes(mmap.PeakMappedBytes)} at the peak (the whole 4 GiB file per read in flight) to read 256 KiB blocks; std maps nothing and preads each block into one 256 KiB buffer (mmap allocates the same buffer too).",
            vm.ReaderBytesCaption);
        Assert.Equal(mmap.PeakMappedBytes, vm.ReaderBytesScaleMax); // a power of two already: the top of the shared scale
    }

    [Fact]
    public void ProcessFiguresAreOneSetOfLinesNotOnePerReader()
    {
        using var vm = Open(("scenario", "filestore-seed-repro"), ("step", "60"));

        Assert.Equal(["RSS anon", "RSS file"], vm.ProcessSeries((FilestoreMetric.RssAnonBytes, "RSS anon"), (FilestoreMetric.RssFileBytes, "RSS file")).Select(s => s.Name));
        Assert.Equal(2, vm.SeriesOverTime((FilestoreMetric.FileResidentBytes, "cached")).Count); // the file's pages are each run's own
    }

    [Fact]
    public void OneRunAloneGetsACaptionAboutItsReader()
    {
        using var vm = Open(("scenario", "filestore-seed-repro"), ("step", "60"), ("reader", "std"), ("compare", "none"));
        Assert.StartsWith("std maps nothing and preads each block into one 256 KiB buffer: ", vm.ReaderBytesCaption, StringComparison.Ordinal);
    }

    [Fact]
    public void BadUrlValuesFallBackAndSaySo()
    {
        using var vm = Open(("scenario", "nope"), ("reader", "zero-copy"), ("compare", "both"), ("step", "x"));

        Assert.Equal("filestore-seed-repro", vm.ScenarioName);
        Assert.Equal("std", vm.Reader);
        Assert.Equal("mmap", vm.CompareReader);
        Assert.Contains(vm.Notices, n => n.StartsWith("unknown scenario 'nope'", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("reader must be 'std' or 'mmap', got 'zero-copy'; using std", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("compare must be 'none', 'std' or 'mmap', got 'both'; comparing with mmap", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("step 'x'", StringComparison.Ordinal));
    }

    public void Dispose() => _registry.Dispose();
}
