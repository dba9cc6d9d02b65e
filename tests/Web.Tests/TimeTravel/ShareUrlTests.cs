using BufferLab.Simulator.Web.Components.Systems.Filestore;
using BufferLab.Simulator.Web.Components.Systems.Fuse;
using BufferLab.Simulator.Web.Components.Systems.Keep;
using BufferLab.Simulator.Web.Components.Systems.Stratum;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.WebUtilities;

namespace BufferLab.Simulator.Web.Tests.TimeTravel;

/// <summary>A page's URL carries every view option: opening it in a fresh view model gives the same view.</summary>
public sealed class ShareUrlTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    private static Dictionary<string, string?> Parse(string query) =>
        QueryHelpers.ParseQuery("?" + query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void StratumFixedVariantAtAStep()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "bug-b4-overlap"), ("seed", "3"));
        vm.SetVariant("fixed");
        vm.JumpTo("11");

        using var opened = new StratumViewModel(_registry);
        opened.Load(Parse(vm.QueryString));

        Assert.Equal("scenario=bug-b4-overlap&seed=3&step=11&variant=fixed", vm.QueryString);
        Assert.Equal(vm.QueryString, opened.QueryString);
        Assert.Equal(vm.Snapshot!.SlotMapText, opened.Snapshot!.SlotMapText);
        Assert.Equal(vm.Snapshot.Variant, opened.Snapshot.Variant);
        Assert.Empty(opened.Notices);
    }

    [Fact]
    public void StratumOwnOpString()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"));
        Assert.True(vm.RunOps("+1:5 +2:5 -1 +3:5", 30));
        vm.JumpTo("3");

        using var opened = new StratumViewModel(_registry);
        opened.Load(Parse(vm.QueryString));

        Assert.Equal(vm.QueryString, opened.QueryString);
        Assert.Equal("+1:5 +2:5 -1 +3:5", opened.Ops);
        Assert.Equal(30, opened.Capacity);
        Assert.Equal(vm.Snapshot!.SlotMapText, opened.Snapshot!.SlotMapText);
    }

    [Fact]
    public void KeepModeAndComparedRunAtAStep()
    {
        using var vm = new KeepViewModel(_registry);
        vm.Load(Parse("scenario=keep-zipf&seed=4"));
        vm.SetMode("coalescing");
        vm.SetCompare("legacy");
        vm.JumpTo("120");

        using var opened = new KeepViewModel(_registry);
        opened.Load(Parse(vm.QueryString));

        Assert.Equal(vm.QueryString, opened.QueryString);
        Assert.Contains("mode=coalescing", opened.QueryString, StringComparison.Ordinal);
        Assert.Contains("compare=legacy", opened.QueryString, StringComparison.Ordinal);
        Assert.Equal(120, opened.Step);
        Assert.Equal(Json(vm.Totals!), Json(opened.Totals!));
        Assert.Equal(vm.CompareStep, opened.CompareStep);
        Assert.Equal(Json(vm.Snapshot!), Json(opened.Snapshot!));
    }

    [Fact]
    public void FuseDaemonComparedDaemonAndMount()
    {
        using var vm = new FuseViewModel(_registry);
        vm.Load(Parse("scenario=fuse-mixed&seed=2"));
        vm.SetMode("master");
        vm.SetCompare("contiguous-large");
        vm.SetMount(16384, 2, 512);
        vm.JumpTo("25");

        using var opened = new FuseViewModel(_registry);
        opened.Load(Parse(vm.QueryString));

        Assert.Equal(vm.QueryString, opened.QueryString);
        Assert.Equal((16384, 2u << 20, 512), (opened.Mount.PageSize, opened.Mount.MaxMessageSize, opened.Mount.MaxPagesLimit));
        Assert.Equal(25, opened.Step);
        Assert.Equal(Json(vm.Snapshot!), Json(opened.Snapshot!));
        Assert.Equal(Json(vm.CompareSnapshot!), Json(opened.CompareSnapshot!));
    }

    [Fact]
    public void FuseVectoredSwitchesApartFromTheMode()
    {
        using var vm = new FuseViewModel(_registry);
        vm.Load(Parse("scenario=fuse-large-write-4m&seed=1&mode=vectored&compare=none"));
        vm.SetMount(null, null, null, vectoredReads: false, vectoredWrites: true);
        vm.JumpTo("end");

        using var opened = new FuseViewModel(_registry);
        opened.Load(Parse(vm.QueryString));

        Assert.Equal(vm.QueryString, opened.QueryString);
        Assert.Equal((false, true), (opened.Mount.VectoredReads, opened.Mount.VectoredWrites));
        Assert.Null(opened.CompareMode);
        Assert.Equal(Json(vm.Snapshot!), Json(opened.Snapshot!));
    }

    [Fact]
    public void FilestoreReaderAlone()
    {
        using var vm = new FilestoreViewModel(_registry);
        vm.Load(Parse("scenario=filestore-sequential&seed=1"));
        vm.SetReader("mmap");
        vm.SetSideBySide(false);
        vm.JumpTo("40");

        using var opened = new FilestoreViewModel(_registry);
        opened.Load(Parse(vm.QueryString));

        Assert.Equal(vm.QueryString, opened.QueryString);
        Assert.Equal(("mmap", (string?)null), (opened.Reader, opened.CompareReader));
        Assert.Equal(40, opened.Step);
        Assert.Equal(vm.Snapshot!.BlocksRead, opened.Snapshot!.BlocksRead);
    }

    /// <summary>Snapshots hold lists, so records compare by reference: compare what they serialize to.</summary>
    private static string Json(object snapshot) => System.Text.Json.JsonSerializer.Serialize(snapshot, snapshot.GetType());

    public void Dispose() => _registry.Dispose();
}
