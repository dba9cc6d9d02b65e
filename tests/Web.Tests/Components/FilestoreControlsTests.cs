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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _registry.Dispose();
        }

        base.Dispose(disposing);
    }
}
