using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.Components;

public sealed class FilestoreControlsTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public async Task TheRunPanelShowsStatusesTheCutAndEveryRegion()
    {
        using var vm = new FilestoreViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = "filestore-truncated-file", ["step"] = "end", ["compare"] = "none" });
        var doc = await ComponentRenderer.RenderAsync<FilestoreRunPanel>(new() { ["Title"] = "std", ["Snapshot"] = vm.Snapshot });

        Assert.Equal("12 changed × 264", doc.QuerySelector("[data-testid=status-12]")!.TextContent);
        Assert.Equal("file cut to 6.1 MiB", doc.QuerySelector("[data-testid=truncated]")!.TextContent);
        Assert.Equal(64, doc.QuerySelectorAll("[data-testid=file-grid] .region").Length); // a 16 MiB file has 64 chunks: one region each
        Assert.Equal(64, doc.QuerySelectorAll("[data-testid=file-grid] .region.written").Length);
        Assert.Equal(10, doc.QuerySelectorAll("[data-testid=recent-reads] tbody tr").Length);
    }

    public void Dispose() => _registry.Dispose();
}
