using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Web.Components.Systems.Keep;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.ViewModels;

public sealed class KeepViewModelTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    private KeepViewModel Open(params (string Key, string? Value)[] query)
    {
        var vm = new KeepViewModel(_registry);
        vm.Load(query.ToDictionary(q => q.Key, q => q.Value));
        return vm;
    }

    [Fact]
    public void OpensTheHerdInCurrentModeAtStepZeroWithNothingArrivedYet()
    {
        using var vm = Open();

        Assert.Equal("keep-job-start-herd", vm.ScenarioName);
        Assert.Equal("current", vm.Mode);
        Assert.Equal(0, vm.Step);
        Assert.Equal(4736, vm.LastStep);
        Assert.Equal(0, vm.Totals!.Requests);
        Assert.Empty(vm.Snapshot!.Requests);
        Assert.Null(vm.CompareSession);
        Assert.Equal("scenario=keep-job-start-herd&seed=1&step=0&mode=current", vm.QueryString);
    }

    [Fact]
    public void AComparedRunFollowsOnTheVirtualClock()
    {
        using var vm = Open(("mode", "current"), ("compare", "coalescing"), ("step", "800"));

        Assert.NotNull(vm.CompareSession);
        Assert.Equal("coalescing", vm.CompareTotals!.Mode);
        Assert.InRange(vm.CompareTotals.TimeMs, vm.Totals!.TimeMs - 50, vm.Totals.TimeMs);
        Assert.Equal(93, vm.Totals.VolumeReads);
        Assert.Equal(2, vm.CompareTotals.VolumeReads);
        Assert.Equal("scenario=keep-job-start-herd&seed=1&step=800&mode=current&compare=coalescing", vm.QueryString);

        vm.SeekTo(100);
        Assert.InRange(vm.CompareTotals.TimeMs, vm.Totals.TimeMs - 50, vm.Totals.TimeMs);
    }

    [Fact]
    public void SwitchingTheModeKeepsTheVirtualTime()
    {
        using var vm = Open(("step", "800"));
        double before = vm.Totals!.TimeMs;
        vm.SetMode("legacy");

        Assert.Equal("legacy", vm.Mode);
        Assert.InRange(vm.Totals!.TimeMs, 1, before); // the last legacy step at or before that moment
        Assert.True(vm.Session!.Read(r => r.NextDue) > TimeSpan.FromMilliseconds(before));
        Assert.Empty(vm.Notices);
    }

    [Fact]
    public void BadUrlValuesFallBackAndSaySo()
    {
        using var vm = Open(("scenario", "nope"), ("mode", "fast"), ("compare", "zzz"), ("seed", "x"), ("step", "99999"));

        Assert.Equal("keep-job-start-herd", vm.ScenarioName);
        Assert.Equal("current", vm.Mode);
        Assert.Null(vm.CompareMode);
        Assert.Equal(vm.LastStep, vm.Step);
        Assert.Contains(vm.Notices, n => n.StartsWith("unknown scenario 'nope'", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("mode 'fast' is not one of current, legacy, coalescing", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("compare 'zzz'", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("seed 'x'", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("step 99999 is past this run's end; showing its last step, 4736", StringComparison.Ordinal));
    }

    [Fact]
    public void LanesPlaceEveryPhaseInsideTheTimeAxis()
    {
        using var vm = Open(("scenario", "keep-overload"), ("step", "end"));
        IReadOnlyList<LaneRow> lanes = KeepViewModel.Lanes(vm.Snapshot!);

        Assert.Equal(KeepViewModel.MaxLanes, lanes.Count);
        Assert.All(lanes.SelectMany(l => l.Bars), b => Assert.InRange(b.LeftPercent + b.WidthPercent, 0, 100.2));
        Assert.Contains(lanes, l => l.Status == 503);
        Assert.Contains(lanes.SelectMany(l => l.Bars), b => b.Phase == "queued");
    }

    [Fact]
    public void ChartsOverlayBothRunsLabelledByMode()
    {
        using var vm = Open(("compare", "coalescing"), ("step", "400"));
        IReadOnlyList<ChartSeries> series = vm.SeriesOverTime((KeepMetric.VolumeReads, "volume reads"));

        Assert.Equal(["volume reads (current)", "volume reads (coalescing)"], series.Select(s => s.Name));
        Assert.All(series, s => Assert.Equal(s.X.Count, s.Values.Count));
        Assert.Equal(vm.Totals!.TimeMs, series[0].X[^1]);
        Assert.Equal(vm.Totals.VolumeReads, series[0].Values[^1]);
    }

    [Fact]
    public void SharedFlightsListTheHerdsFanOutInCoalescingModeOnly()
    {
        using var coalescing = Open(("mode", "coalescing"), ("step", "end"));
        using var current = Open(("mode", "current"), ("step", "end"));

        Assert.Equal(4, KeepViewModel.SharedFlights(coalescing.Snapshot!).Count);
        Assert.Equal(100, KeepViewModel.SharedFlights(coalescing.Snapshot!)[0].Requests.Count);
        Assert.Empty(KeepViewModel.SharedFlights(current.Snapshot!));
    }

    [Fact]
    public void DisposingClosesBothSessions()
    {
        var vm = Open(("compare", "legacy"));
        Assert.Equal(2, _registry.Count);
        vm.Dispose();

        Assert.Equal(0, _registry.Count);
    }

    public void Dispose() => _registry.Dispose();
}
