using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Systems.Filestore;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.Components;

public sealed class FilestoreControlsTests : ComponentTest
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public void TheRunPanelShowsStatusesTheCutAndEveryRegion()
    {
        using var vm = new FilestoreViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = "filestore-truncated-file", ["step"] = "end", ["compare"] = "none" });
        var cut = Render<FilestoreRunPanel>(p => p.Add(c => c.Title, "std").Add(c => c.Snapshot, vm.Snapshot));

        Assert.Equal("12 changed × 264", cut.Find("[data-testid=status-12]").TextContent);
        Assert.Equal("file cut to 6.1 MiB", cut.Find("[data-testid=truncated]").TextContent);
        Assert.Equal(64, cut.FindAll("[data-testid=file-grid] .region").Count); // a 16 MiB file has 64 chunks: one region each
        Assert.Equal(64, cut.FindAll("[data-testid=file-grid] .region.written").Count);
        Assert.Equal(10, cut.FindAll("[data-testid=recent-reads] tbody tr").Count);
    }

    [Fact]
    public void EachRunPanelOpensWithItsBytesOnTheSharedScaleAndLabelsProcessFiguresAsShared()
    {
        using var vm = new FilestoreViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = "filestore-seed-repro", ["step"] = "60" });
        var mmap = Render<FilestoreRunPanel>(p => p.Add(c => c.Title, "mmap").Add(c => c.Snapshot, vm.CompareSnapshot).Add(c => c.Prefix, "compare-")
            .Add(c => c.ScaleMax, vm.ReaderBytesScaleMax).Add(c => c.Caption, vm.ReaderBytesCaption).Add(c => c.SharedScale, true));
        var std = Render<FilestoreRunPanel>(p => p.Add(c => c.Title, "std").Add(c => c.Snapshot, vm.Snapshot)
            .Add(c => c.ScaleMax, vm.ReaderBytesScaleMax).Add(c => c.Caption, vm.ReaderBytesCaption).Add(c => c.SharedScale, true));

        Assert.Equal("reader-bytes", std.Find("section > .run-body > *:first-child").GetAttribute("data-testid")); // right under the title (the run-head)
        Assert.Equal(Units.Bytes(vm.CompareSnapshot!.PeakMappedBytes), mmap.Find("[data-testid=compare-rb-mapped-peak]").TextContent);
        Assert.Equal("0 B", std.Find("[data-testid=rb-mapped-peak]").TextContent);
        Assert.Equal(Units.Bytes(vm.Snapshot!.PeakBufferBytes), std.Find("[data-testid=rb-buffers-peak]").TextContent);
        Assert.True(vm.Snapshot.PeakBufferBytes > 0 && vm.Snapshot.PeakBufferBytes % (256 << 10) == 0); // one 256 KiB buffer per read in flight
        Assert.Equal("width: 100%", mmap.Find("[data-testid=compare-rb-mapped] .rb-bar.peak").GetAttribute("style"));
        Assert.Equal(vm.ReaderBytesCaption, std.Find("[data-testid=reader-bytes-caption]").TextContent);
        Assert.Equal(vm.ReaderBytesCaption, mmap.Find("[data-testid=compare-reader-bytes-caption]").TextContent);
        Assert.Contains($"log scale, 4 KiB to {Units.Bytes(vm.ReaderBytesScaleMax)}, the same for both runs", std.Find("[data-testid=reader-bytes-legend]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["mapped", "buffers", "copied", "resident"], std.FindAll(".rb-row:not(.rb-axis) .rb-name").Select(e => e.TextContent));
        Assert.Equal("Dashboard process (shared by both runs and all sessions)", std.Find("[data-testid=process-shared]").TextContent);
        Assert.Equal("Dashboard process (shared by both runs and all sessions)", mmap.Find("[data-testid=compare-process-shared]").TextContent);
    }

    [Fact]
    public void EachReaderProcessShowsMappedResidentAndCopiedOfItsOwn()
    {
        using var vm = new FilestoreViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = "filestore-seed-repro", ["step"] = "200" });
        var mmap = Render<FilestoreRunPanel>(p => p.Add(c => c.Title, "mmap").Add(c => c.Snapshot, vm.CompareSnapshot).Add(c => c.Prefix, "compare-"));
        var std = Render<FilestoreRunPanel>(p => p.Add(c => c.Title, "std").Add(c => c.Snapshot, vm.Snapshot));

        Assert.Equal(4, std.FindAll("[data-testid=reader-processes] tbody tr").Count);
        Assert.Equal(vm.Snapshot!.BytesRead, vm.Snapshot.ReaderProcesses.Sum(r => r.CopiedBytes));
        Assert.Equal(Units.Bytes(vm.Snapshot.ReaderProcesses[0].CopiedBytes), std.Find("[data-testid=reader-process-1-copied]").TextContent);
        Assert.Equal("0 B", std.Find("[data-testid=reader-process-1-mapped]").TextContent); // std maps nothing
        Assert.Equal(Units.Bytes(vm.CompareSnapshot!.FileBytes), mmap.Find("[data-testid=compare-reader-process-1-mapped]").TextContent);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _registry.Dispose();
        }

        base.Dispose(disposing);
    }
}
