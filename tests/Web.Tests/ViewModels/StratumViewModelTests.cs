using BufferLab.Simulator.Engine.Simulations.StratumV2;
using BufferLab.Simulator.Web.Components.Systems.Stratum;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.ViewModels;

public sealed class StratumViewModelTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    private StratumViewModel Open(params (string Key, string? Value)[] query)
    {
        var vm = new StratumViewModel(_registry);
        var values = new Dictionary<string, string?>();
        foreach (var (key, value) in query)
        {
            values[key] = value; // a later value for the same key wins, as in a URL edited by hand
        }

        vm.Load(values);
        return vm;
    }

    [Fact]
    public void OpensTheStepTheUrlNamesWithDocumentedBesideActual()
    {
        using var vm = Open(("scenario", "readme-case3"), ("seed", "1"), ("step", "12"));

        Assert.Equal(12, vm.Step);
        Assert.Equal(14, vm.LastStep);
        Assert.Equal("9a3456-- FRONT MODE", vm.Snapshot!.SlotMapText);
        Assert.Equal("a93456--", vm.Documented!.Text);
        Assert.False(vm.DocumentedMatches);
        Assert.Empty(vm.Notices);
    }

    [Fact]
    public void StepEndOpensTheLastStep()
    {
        using var vm = Open(("scenario", "readme-case3"), ("step", "end"));
        Assert.Equal("9a3456bc BACK MODE", vm.Snapshot!.SlotMapText);
    }

    [Theory]
    [InlineData("scenario", "no-such", "unknown scenario 'no-such'")]
    [InlineData("seed", "abc", "seed 'abc' is not a whole number")]
    [InlineData("step", "1.5", "step '1.5' is not a step from 0 to 14")]
    [InlineData("variant", "turbo", "variant must be 'faithful' or 'fixed', got 'turbo'; using faithful")]
    [InlineData("ops", "+1:5 +x", "op string: column 6")]
    public void BadUrlValuesFallBackAndSaySo(string key, string value, string notice)
    {
        using var vm = Open(("scenario", "readme-case3"), (key, value));

        Assert.Contains(vm.Notices, n => n.Contains(notice, StringComparison.Ordinal));
        Assert.NotNull(vm.Snapshot);
    }

    [Fact]
    public void AStepPastTheEndShowsTheEndAndSaysSo()
    {
        using var vm = Open(("scenario", "readme-case3"), ("step", "19"));

        Assert.Equal(14, vm.Step);
        Assert.Equal(["step 19 is past this run's end; showing its last step, 14"], vm.Notices);
    }

    [Fact]
    public void AnUnknownScenarioSuggestsTheClosestNamesNotAllOfThem()
    {
        using var vm = Open(("scenario", "readme-case9"));

        string notice = Assert.Single(vm.Notices);
        Assert.StartsWith("unknown scenario 'readme-case9' (did you mean 'readme-case1', 'readme-case2' or 'readme-case3'?); every scenario is on the Scenarios page (/scenarios)", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void StepsBackAndForthAndKeepsTheUrlInStep()
    {
        using var vm = Open(("scenario", "readme-case3"), ("seed", "9"));
        vm.StepForward();
        vm.StepForward();
        vm.StepForward();
        vm.StepBack();

        Assert.Equal(2, vm.Step);
        Assert.Equal("scenario=readme-case3&seed=9&step=2", vm.QueryString);

        vm.SeekTo(10);
        Assert.Equal("9-345678 SWITCH TO FRONT MODE", vm.Snapshot!.SlotMapText);
        Assert.Contains("Back → Front (edge 4)", vm.Explanation, StringComparison.Ordinal);

        vm.Reset();
        Assert.Equal(0, vm.Step);
    }

    [Fact]
    public void ABadOpStringChangesNothing()
    {
        using var vm = Open(("scenario", "readme-case3"), ("step", "5"));
        string session = vm.Session!.Id;

        Assert.False(vm.RunOps("+1:5 -2", 40));

        Assert.Equal("op string: op 2: '-2': slice 2 is not live, so it cannot be dropped", vm.OpsError);
        Assert.Equal(session, vm.Session.Id);
        Assert.Equal(5, vm.Step);
    }

    [Fact]
    public void AnOpStringRunsAndIsKeptInTheUrl()
    {
        using var vm = Open(("scenario", "readme-case3"));

        Assert.True(vm.RunOps("+1:5 c1>2 -1 +3:5", 40));
        vm.SeekTo(vm.LastStep);

        Assert.Equal("custom", vm.ScenarioName);
        Assert.Equal("ops=%2B1%3A5%20c1%3E2%20-1%20%2B3%3A5&cap=40&seed=1&step=4", vm.QueryString);
        Assert.Equal(new AlarmInfo(2, "DuplicateIndex", "slices 1, 2 hold the same index 1"), vm.Alarm);
    }

    [Fact]
    public void TheVariantToggleKeepsWorkloadAndStep()
    {
        using var vm = Open(("scenario", "bug-b3-duplicate-index"), ("step", "12"));
        Assert.Contains(vm.SlotCells(), c => c.Duplicate);

        vm.SetVariant("fixed");

        Assert.Equal(12, vm.Step);
        Assert.DoesNotContain(vm.SlotCells(), c => c.Duplicate);
        Assert.Contains("variant=fixed", vm.QueryString, StringComparison.Ordinal);
        Assert.Null(vm.Alarm);
    }

    [Fact]
    public void SlotCellsAndByteSegmentsDescribeTheSnapshot()
    {
        using var vm = Open(("scenario", "readme-case3"), ("step", "11"));
        var cells = vm.SlotCells();

        Assert.Equal(8, cells.Count);
        Assert.Equal(["9", "a", "3", "4", "5", "6", "7", "8"], cells.Select(c => c.Text));
        Assert.Equal(Engine.Systems.StratumV2.PoolMode.Front, cells[0].WrittenIn);
        Assert.Equal(Engine.Systems.StratumV2.PoolMode.Back, cells[2].WrittenIn);
        Assert.Contains(vm.ByteSegments(), s => s.Kind == "front-region" && s.Length == 10);
        Assert.Equal(8, vm.ByteSegments().Count(s => s.Kind.StartsWith("slice", StringComparison.Ordinal)));
    }

    [Fact]
    public void ChartSeriesCoverEveryStepReached()
    {
        using var vm = Open(("scenario", "readme-case1"), ("step", "end"));
        var series = vm.Series((Sv2Metric.PoolMessages, "pool"), (Sv2Metric.HeapMessages, "heap"));

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8], series[0].Values);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2], series[1].Values);
    }

    public void Dispose() => _registry.Dispose();
}
