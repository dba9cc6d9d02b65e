using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
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
        Assert.Contains(vm.Notices, n => n.StartsWith("mode must be 'current', 'legacy' or 'coalescing', got 'fast'; using current", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("compare must be 'none', 'current', 'legacy' or 'coalescing', got 'zzz'; comparing with nothing", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("seed 'x'", StringComparison.Ordinal));
        Assert.Contains(vm.Notices, n => n.StartsWith("step 99999 is past this run's end; showing its last step, 4736", StringComparison.Ordinal));
    }

    [Fact]
    public void LanesListEveryRequestAndPlaceEveryPhaseInsideTheTimeAxis()
    {
        using var vm = Open(("scenario", "keep-overload"), ("step", "end"));
        LaneRow[] lanes = KeepViewModel.Lanes(vm.Snapshot!);

        Assert.Equal(vm.Snapshot!.Requests.Count, lanes.Length);
        Assert.True(lanes.Length > 120, "more lanes than the 120 once drawn");
        Assert.Equal(vm.Snapshot.Requests.Select(r => r.Id), lanes.Select(l => l.Id));
        Assert.All(lanes.SelectMany(l => l.Bars), b => Assert.InRange(b.LeftPercent + b.WidthPercent, 0, 100.0001));
        Assert.Contains(lanes, l => l.Status == 503);
        Assert.Contains(lanes.SelectMany(l => l.Bars), b => b.Phase == "queued");
        Assert.DoesNotContain(lanes.SelectMany(l => l.Bars), b => b.Phase == "arrived"); // lasts no time, has no legend entry
    }

    [Fact]
    public void TheComparedRunsLanesShareTheLaterRunsTimeAxis()
    {
        using var vm = Open(("compare", "coalescing"), ("step", "800"));
        long horizon = Math.Max(vm.Snapshot!.TimeUs, vm.CompareSnapshot!.TimeUs);
        LaneRow[] compared = KeepViewModel.Lanes(vm.CompareSnapshot, horizon);

        Assert.Equal(vm.CompareSnapshot.Requests.Count, compared.Length);
        Assert.All(compared.SelectMany(l => l.Bars), b => Assert.InRange(b.LeftPercent + b.WidthPercent, 0, 100.0001));
        LaneAxis axis = LaneAxis.For(horizon);
        Assert.Equal(["0 ms", "200 ms", "400 ms", "600 ms"], axis.Ticks.Select(t => t.Label));
        Assert.Equal(100 * 200_000.0 / horizon, axis.StepPercent, 6);
        Assert.All(axis.Ticks, t => Assert.InRange(t.Percent, 0, 100));
    }

    [Fact]
    public void APhaseEnteredAgainWhereItEndedIsOneBar()
    {
        using var vm = Open(("mode", "coalescing"), ("step", "end"));
        KeepRequestView hit = vm.Snapshot!.Requests.First(r => r.Segments.Count(s => s.Phase == "Streaming") > 1);
        LaneRow lane = KeepViewModel.Lanes(vm.Snapshot).Single(l => l.Id == hit.Id);

        Assert.Single(lane.Bars, b => b.Phase == "streaming");
        Assert.All(KeepViewModel.Lanes(vm.Snapshot), l => Assert.Equal(l.Bars.Count, l.Bars.Select(b => (b.Phase, b.LeftPercent)).Distinct().Count()));
    }

    [Theory]
    [InlineData(1_000, "0 ms", "0.2 ms")]
    [InlineData(740_400, "0 ms", "200 ms")]
    [InlineData(12_000_000, "0 s", "2 s")]
    [InlineData(1_860_000, "0 ms", "500 ms")]
    public void TheTimeAxisTicksAtRoundSteps(long horizonUs, string first, string second)
    {
        LaneAxis axis = LaneAxis.For(horizonUs);
        Assert.Equal([first, second], axis.Ticks.Take(2).Select(t => t.Label));
        Assert.InRange(axis.Ticks.Count, 3, 7);
    }

    [Fact]
    public void TheFanOutPictureCountsEveryFetchAndWhoSharedIt()
    {
        using var vm = Open(("compare", "coalescing"), ("step", "end"));
        FanOutPicture current = FanOutPicture.From(vm.Snapshot!, vm.Totals!);
        FanOutPicture coalescing = FanOutPicture.From(vm.CompareSnapshot!, vm.CompareTotals!);

        Assert.Equal((400, 400, 400), (current.Requests, current.VolumeReads, current.Fetches));
        Assert.Equal(1, current.MostServed);
        Assert.Equal((100, 100), (current.Scale, coalescing.Scale)); // 100 GETs of each block in both runs
        Assert.Equal((397, 397), (current.MoreFetches, current.MoreRequests));
        Assert.All(current.Rows, r => Assert.Equal((1, 0, 0), (r.Served, r.Joined, r.FromReady)));

        Assert.Equal((400, 4, 4, 0), (coalescing.Requests, coalescing.VolumeReads, coalescing.Fetches, coalescing.MoreFetches));
        Assert.All(coalescing.Rows, r =>
        {
            Assert.Equal(100, r.Served);
            Assert.Equal(99, r.Joined + r.FromReady);
            Assert.Equal((1, 1L << 20, "ok"), (r.VolumeReads, r.BytesRead, r.Outcome));
            Assert.StartsWith("volume ", r.VolumeText, StringComparison.Ordinal);
            Assert.NotNull(r.Buffer);
        });
        Assert.Contains(coalescing.Rows, r => r.Joined > 0);
        Assert.Equal(4, coalescing.Rows.Select(r => r.Hash).Distinct().Count());
    }

    [Fact]
    public void AFetchStillReadingSaysSoAndHowFarItGot()
    {
        using var vm = Open(("compare", "coalescing"), ("step", "800"));
        FanOutRow reading = FanOutPicture.From(vm.CompareSnapshot!, vm.CompareTotals!).Rows.Single(r => r.Reading);

        Assert.Matches(@"^reading volume \d: [\d.]+ (B|KiB|MiB) so far$", reading.ReadText);
        Assert.Contains($"served {reading.Served} requests: {reading.Joined} shared the fetch while it read", reading.Title, StringComparison.Ordinal);
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
    public void DisposingClosesBothSessions()
    {
        var vm = Open(("compare", "legacy"));
        Assert.Equal(2, _registry.Count);
        vm.Dispose();

        Assert.Equal(0, _registry.Count);
    }

    public void Dispose() => _registry.Dispose();
}
