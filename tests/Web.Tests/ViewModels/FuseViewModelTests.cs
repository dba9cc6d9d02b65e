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
        Assert.Equal(65536, vm.PageSize);
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
        Assert.Contains(vm.Notices, n => n.StartsWith("mode 'zero-copy'", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("compare 'both'", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("page 'x' is not a whole number", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("limit must be a whole number from 1 to 65535, got '0'", StringComparison.Ordinal));
        Assert.Equal(1024, vm.Scenario!.MaxPagesLimit); // the preset's own limit, not the refused 0
        Assert.Null(vm.MaxPagesLimit);
    }

    public void Dispose() => _registry.Dispose();
}
