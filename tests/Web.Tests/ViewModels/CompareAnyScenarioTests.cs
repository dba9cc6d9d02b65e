using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.StratumV2;
using BufferLab.Simulator.Web.Components.Systems.Filestore;
using BufferLab.Simulator.Web.Components.Systems.Fuse;
using BufferLab.Simulator.Web.Components.Systems.Keep;
using BufferLab.Simulator.Web.Components.Systems.Stratum;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.Tests.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.ViewModels;

/// <summary>Comparing a run with any scenario of the same system: a preset, a library file, or the other Stratum variant; the metric diff.</summary>
public sealed class CompareAnyScenarioTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    private static Dictionary<string, string?> Query(params (string Key, string? Value)[] query) => query.ToDictionary(q => q.Key, q => q.Value);

    [Fact]
    public void TwoStratumPresetsRunInLockstepWithTheirMetricsDiffed()
    {
        using var vm = new StratumViewModel(_registry);
        vm.Load(Query(("scenario", "readme-case1"), ("compareScenario", "readme-case3"), ("step", "9")));

        Assert.Empty(vm.Notices);
        Assert.Equal("readme-case3", vm.CompareSession!.ScenarioKey);
        Assert.Equal(9, vm.CompareStep);
        Assert.Equal("12345678 SWITCH TO ALLOC MODE", vm.Snapshot!.SlotMapText);
        Assert.Equal("--345678 BACK MODE", vm.CompareSnapshot!.SlotMapText);
        Assert.Equal("scenario=readme-case1&seed=1&step=9&compareScenario=readme-case3", vm.QueryString);

        MetricDiffRow heap = vm.MetricDiffRows.Single(r => r.Name == "sv2.messages.heap");
        Assert.Equal((1d, 0d, "−1", true), (heap.First, heap.Second, heap.DiffText, heap.Differs));
        MetricDiffRow live = vm.MetricDiffRows.Single(r => r.Name == "sv2.live_slices");
        Assert.Equal((9d, 6d, "−3", "×0.67"), (live.First, live.Second, live.DiffText, live.RatioText));
        Assert.False(vm.MetricDiffRows.Single(r => r.Name == "sv2.invariant_violations").Differs);

        vm.StepBack();
        Assert.Equal(8, vm.CompareStep);
    }

    [Fact]
    public void TwoKeepPresetsFollowOnTheClock()
    {
        using var vm = new KeepViewModel(_registry);
        vm.Load(Query(("scenario", "keep-job-start-herd"), ("compareScenario", "keep-zipf"), ("step", "300")));

        Assert.Empty(vm.Notices);
        Assert.Equal("keep-zipf", vm.CompareSession!.ScenarioKey);
        Assert.Equal("current", vm.CompareTotals!.Mode); // the same server as this run
        Assert.InRange(vm.CompareTotals.TimeMs, 0, vm.Totals!.TimeMs);
        Assert.EndsWith("&mode=current&compareScenario=keep-zipf", vm.QueryString, StringComparison.Ordinal);
        Assert.Contains(vm.SeriesOverTime((KeepMetric.Requests, "requests")), s => s.Name == "requests (keep-zipf)");
        Assert.Contains(vm.SeriesOverTime((KeepMetric.Requests, "requests")), s => s.Name == "requests (keep-job-start-herd)");

        vm.SetCompare("coalescing"); // another scenario in another mode
        Assert.Equal("coalescing", vm.CompareTotals!.Mode);
        Assert.EndsWith("&compare=coalescing&compareScenario=keep-zipf", vm.QueryString, StringComparison.Ordinal);
        Assert.Contains(vm.SeriesOverTime((KeepMetric.Requests, "requests")), s => s.Name == "requests (keep-zipf · coalescing)");
        Assert.Contains(vm.MetricDiffRows, r => r.Name == "keep.requests");
    }

    [Fact]
    public void ALibraryFileOfTheSameSystemCanBeCompared()
    {
        string id = _registry.Library.Add(ScenarioTexts.KeepZipf(8), "mine.yaml").Id!;
        using var vm = new KeepViewModel(_registry);
        vm.Load(Query(("scenario", "keep-zipf"), ("step", "200")));

        Assert.True(vm.SetCompareScenario(id));

        Assert.Empty(vm.Notices);
        Assert.Equal(id, vm.CompareScenario);
        Assert.Equal(id, vm.CompareSession!.ScenarioKey);
        Assert.Contains($"compareScenario={id}", vm.QueryString, StringComparison.Ordinal);
        Assert.Equal(8, vm.MetricDiffRows.Single(r => r.Name == "arvados_keepstore_bufferpool_max_buffers").Second);
    }

    [Theory]
    [InlineData("nope", "compare scenario: unknown scenario 'nope'")]
    [InlineData("keep-zipf", "compare scenario 'keep-zipf' is a Keepstore buffers scenario (keep); this page compares Stratum V2 pool scenarios (stratum-v2) only")]
    [InlineData("u-0123456789", "compare scenario: scenario 'u-0123456789' is not in this server's library")]
    public void ABadOrForeignNameIsRefusedAndNothingChanges(string name, string notice)
    {
        using var vm = new StratumViewModel(_registry);
        vm.Load(Query(("scenario", "readme-case3"), ("compareScenario", "readme-case2"), ("step", "4")));
        string compared = vm.CompareSession!.Id;
        string query = vm.QueryString;

        Assert.False(vm.SetCompareScenario(name));

        Assert.StartsWith(notice, Assert.Single(vm.Notices), StringComparison.Ordinal);
        Assert.Equal("readme-case2", vm.CompareScenario);
        Assert.Equal(compared, vm.CompareSession!.Id);
        Assert.Equal(query, vm.QueryString);
        Assert.Equal(4, vm.Step);
    }

    [Fact]
    public void AForeignLibraryFileIsRefused()
    {
        string id = _registry.Library.Add(ScenarioTexts.KeepZipf(8), "mine.yaml").Id!;
        using var vm = new FilestoreViewModel(_registry);
        vm.Load(Query(("compare", "none")));

        Assert.False(vm.SetCompareScenario(id));

        Assert.Contains("is a Keepstore buffers scenario", Assert.Single(vm.Notices), StringComparison.Ordinal);
        Assert.Null(vm.CompareSession);
    }

    [Fact]
    public void AForeignNameInTheUrlOnlyDropsTheComparison()
    {
        using var vm = new FuseViewModel(_registry);
        vm.Load(Query(("scenario", "fuse-mixed"), ("compareScenario", "readme-case3"), ("compare", "none")));

        Assert.Equal("fuse-mixed", vm.ScenarioName);
        Assert.Null(vm.CompareScenario);
        Assert.Null(vm.CompareSession);
        Assert.Contains(vm.Notices, n => n.StartsWith("compare scenario 'readme-case3' is a Stratum V2 pool scenario", StringComparison.Ordinal));
    }

    [Fact]
    public void FaithfulAgainstFixedOnTheSameWorkload()
    {
        using var vm = new StratumViewModel(_registry);
        vm.Load(Query(("scenario", "bug-b3-duplicate-index"), ("compare", "fixed"), ("step", "12")));

        Assert.Empty(vm.Notices);
        Assert.Equal(12, vm.CompareStep);
        Assert.Equal("fixed", vm.CompareVariant);
        Assert.Contains(vm.SlotCells(), c => c.Duplicate);
        Assert.DoesNotContain(StratumViewModel.SlotCellsOf(vm.CompareSnapshot), c => c.Duplicate);
        Assert.True(vm.MetricDiffRows.Single(r => r.Name == "sv2.invariant_violations").Differs);
        Assert.Contains("&compare=fixed", vm.QueryString, StringComparison.Ordinal);
        Assert.Contains(vm.SeriesOverTime((Sv2Metric.LiveSlices, "live")), s => s.Name == "live (fixed)");

        vm.SetVariant("fixed"); // the runs trade places
        Assert.Equal(("fixed", "faithful"), (vm.Variant, vm.CompareVariant));
        Assert.Equal(12, vm.Step);
    }

    [Fact]
    public void AnOpStringComparesWithItselfOnTheOtherVariant()
    {
        using var vm = new StratumViewModel(_registry);
        vm.Load(Query(("ops", "+1:5 +2:5 -1 +3:5"), ("cap", "40"), ("compare", "fixed"), ("step", "end")));

        Assert.Empty(vm.Notices);
        Assert.Equal((4, 4), (vm.Step, vm.CompareStep));
        Assert.Equal(vm.Snapshot!.SlotMap, vm.CompareSnapshot!.SlotMap);
        Assert.DoesNotContain(vm.MetricDiffRows, r => r.Differs);
    }

    [Fact]
    public void ClearingTheComparedScenarioComparesNothing()
    {
        using var vm = new StratumViewModel(_registry);
        vm.Load(Query(("scenario", "readme-case3"), ("compareScenario", "readme-case1")));

        Assert.True(vm.SetCompareScenario(""));

        Assert.Null(vm.CompareSession);
        Assert.Empty(vm.MetricDiffRows);
        Assert.Equal("scenario=readme-case3&seed=1&step=0", vm.QueryString);
    }

    public void Dispose() => _registry.Dispose();
}
