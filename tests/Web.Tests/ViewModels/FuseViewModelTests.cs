using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;
using BufferLab.Simulator.Web.Components.Systems.Fuse;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.ViewModels;

public sealed class FuseViewModelTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    private FuseViewModel Open(params (string Key, string? Value)[] query)
    {
        var vm = new FuseViewModel(_registry);
        vm.Load(query.ToDictionary(q => q.Key, q => q.Value));
        return vm;
    }

    [Fact]
    public void VectoredAndContiguousSideBySideByDefault()
    {
        using var vm = Open(("step", "end"));

        Assert.Equal("fuse-large-write-4m", vm.ScenarioName);
        Assert.Equal("vectored", vm.Snapshot!.Mode);
        Assert.Equal("contiguous-large", vm.CompareSnapshot!.Mode);
        Assert.Equal(8, vm.Snapshot.Ops);
        Assert.Equal(0, FuseViewModel.CopiesPerByte(vm.Snapshot));
        Assert.Equal(1, FuseViewModel.CopiesPerByte(vm.CompareSnapshot));
        Assert.True(FuseViewModel.HeapPerOp(vm.CompareSnapshot) > FuseViewModel.HeapPerOp(vm.Snapshot));
        Assert.Equal(4, vm.Snapshot.LastMessage!.Blocks.Count);
        Assert.Equal([16, 8], vm.Snapshot.LastMessage.ReplyIovecs);
    }

    [Fact]
    public void TheMountCanBeChangedAndABadOneChangesNothing()
    {
        using var vm = Open(("scenario", "fuse-seq-read-1m"), ("compare", "none"));
        vm.SetMount(65536, 0, 256);
        Assert.Empty(vm.Notices);
        Assert.Equal(65536, vm.Scenario!.PageSize);
        Assert.Contains("page=65536", vm.QueryString, StringComparison.Ordinal);

        vm.SetMount(12345, 0, 256);
        Assert.Equal("options.pageSize: must be 4096, 16384 or 65536, got 12345", Assert.Single(vm.Notices));
        Assert.Equal(65536, vm.Scenario!.PageSize);
        Assert.Equal(65536, vm.Mount.PageSize);
    }

    [Fact]
    public void VectoredSwitchesApartFromTheModeReachOnlyTheMainDaemon()
    {
        using var vm = Open(("step", "end"));
        vm.SetMount(null, null, null, vectoredReads: true, vectoredWrites: false);

        Assert.Empty(vm.Notices);
        Assert.False(vm.Scenario!.Mount.EnableVectoredWrites);
        Assert.Equal(0, vm.Step); // the run reopened
        Assert.True(((Engine.Simulations.Fuse.FuseScenario)vm.CompareSession!.Scenario).Mount is { EnableVectoredReads: false, EnableVectoredWrites: false });
        Assert.EndsWith("vreads=1&vwrites=0", vm.QueryString, StringComparison.Ordinal);
        vm.SeekTo(vm.LastStep);
        Assert.Equal(1, FuseViewModel.CopiesPerByte(vm.Snapshot!)); // vectored writes off: the 4 MiB payloads are copied
    }

    [Fact]
    public void BadUrlValuesFallBackAndSaySo()
    {
        using var vm = Open(("mode", "zero-copy"), ("compare", "both"), ("page", "x"), ("limit", "0"));

        Assert.Equal("vectored", vm.Mode);
        Assert.Contains(vm.Notices, n => n.StartsWith("mode must be 'master', 'vectored' or 'contiguous-large', got 'zero-copy'; using vectored", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("compare must be 'none', 'master', 'vectored' or 'contiguous-large', got 'both'; comparing with contiguous-large", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("page must be a whole number from 1 to 1048576, got 'x'; using the scenario's", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("limit must be a whole number from 1 to 65535, got '0'", StringComparison.Ordinal));
        Assert.Equal(1024, vm.Scenario!.MaxPagesLimit); // the preset's own limit, not the refused 0
        Assert.Null(vm.Mount.MaxPagesLimit);
    }

    [Fact]
    public void OnFourMiBWritesOnlyTheContiguousDaemonDrawsAHeapCopy()
    {
        using var vm = Open(("step", "end"));
        (MessageMap? vectored, MessageMap? contiguous) = vm.MessageMaps;

        Assert.Empty(vectored!.Copies);
        Assert.Empty(vectored.CopyBands);
        MapArrow copy = Assert.Single(contiguous!.Copies);
        Assert.Equal("copy 4 MiB", copy.Label);
        Assert.Equal(4, contiguous.CopyBands.Count); // one band from each block the payload spans
        Assert.Contains(contiguous.Heap, b => b.TestId == "heap-copy-buffer");
        Assert.DoesNotContain(vectored.Heap, b => b.TestId == "heap-copy-buffer");
        Assert.Contains("copied to the heap (4 MiB)", contiguous.Caption, StringComparison.Ordinal);
        Assert.Contains("4 views (DataBlocks): no copy", vectored.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void MasterCopiesNothingItsPayloadIsAViewIntoTheInMessage()
    {
        using var vm = Open(("mode", "master"), ("compare", "contiguous-large"), ("step", "end"));
        (MessageMap? master, MessageMap? contiguous) = vm.MessageMaps;

        Assert.Empty(master!.Copies);
        Assert.Single(contiguous!.Copies);
        Assert.Equal("frame inmessage", Assert.Single(master.Buffers).Kind);
        Assert.Contains("handed on as a view (Data): no copy", master.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadersAreDrawnAtAMinimumWidthAndEverythingElseToOneScaleForBothRuns()
    {
        using var vm = Open(("mode", "master"), ("compare", "vectored"), ("step", "end"));
        (MessageMap? master, MessageMap? vectored) = vm.MessageMaps;

        MapBox header = master!.Kernel[0];
        Assert.Equal(("hdr", MessageMapLayout.SmallWidth), (header.Kind, header.Width));
        double masterPayload = master.Kernel.Single(k => k.Kind == "payload").Width;
        double vectoredPayload = vectored!.Kernel.Single(k => k.Kind == "payload").Width;
        Assert.Equal(4, vectoredPayload / masterPayload, 3); // 4 MiB against master's 1 MiB, on one scale
        Assert.InRange(Math.Max(master.Extent, vectored.Extent), 95, 100); // the wider run fills the width
        Assert.InRange(master.Extent, 30, 45); // and master's 1 MiB message is drawn about a quarter as wide
        Assert.StartsWith("To scale: the full width is ", master.ScaleNote, StringComparison.Ordinal);
        Assert.Equal(master.ScaleNote, vectored.ScaleNote);
    }

    [Fact]
    public void TheReplyIovecsPointIntoTheMemoryTheyAreSentFrom()
    {
        using var vm = Open(("scenario", "fuse-mixed"), ("step", "end"));
        MessageMap vectored = vm.MessageMaps.Main!;

        Assert.Equal(vm.Snapshot!.LastMessage!.Reply.Count, vectored.Reply.Count);
        Assert.Equal("hdr", vectored.Reply[0].Kind);
        Assert.Equal(vectored.Reply.Count - 1, vectored.ReplyBands.Count);
        Assert.All(vectored.ReplyBands.Zip(vectored.Reply.Skip(1)), p => Assert.Equal(p.First.BottomX, p.Second.X, 6));
    }

    [Fact]
    public void HeadingsNameTheDaemonsNotTheirUrlIds()
    {
        using var vm = Open(("step", "end"));

        Assert.Equal("PR #198 vectored", vm.MainTitle);
        Assert.Equal("PR #198 contiguous", vm.CompareTitle);
        Assert.Equal(["heap (PR #198 vectored)", "heap (PR #198 contiguous)"], vm.SeriesOverTime((Engine.Simulations.Fuse.FuseMetric.HeapBytes, "heap")).Select(c => c.Name));
        Assert.Equal("contiguous-large", vm.CompareMode); // the URL keeps its id
    }

    [Fact]
    public void TheInitFieldsAreInWords()
    {
        using var vm = Open(("step", "end"));
        InitView init = vm.Snapshot!.Init!;

        IReadOnlyList<InitField> fields = InitWords.Fields(init, vm.Snapshot.PageSize, vm.Snapshot.InMessageBytes);
        Assert.Equal("7.34", fields[0].Value); // Linux 6.18 offers 7.45, the library speaks up to 7.34
        Assert.Contains("major 7, minor 34", fields[0].Meaning, StringComparison.Ordinal);
        Assert.Equal(["FUSE_BIG_WRITES", "FUSE_WRITEBACK_CACHE", "FUSE_MAX_PAGES"], InitWords.Flags(init).Select(f => f.Name));
        Assert.Equal("0x00410020", InitWords.Hex(init.Flags));
        Assert.Equal("4 MiB", fields.Single(f => f.Name == "max_write").Value);
        Assert.Equal("1 MiB", fields.Single(f => f.Name == "max_readahead").Value);
        Assert.Contains("offered 128 KiB and keeps the lower, 128 KiB", fields.Single(f => f.Name == "max_readahead").Meaning, StringComparison.Ordinal);
        Assert.Equal("1024", fields.Single(f => f.Name == "max_pages").Value);
    }

    public void Dispose() => _registry.Dispose();
}
