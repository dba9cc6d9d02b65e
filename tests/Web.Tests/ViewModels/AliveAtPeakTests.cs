using System.Globalization;
using System.Text.RegularExpressions;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Components.Systems.Keep;
using BufferLab.Simulator.Web.Components.Systems.Stratum;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.ViewModels;

/// <summary>The "alive at the peak" view of every page: what was held, by whom, when the held bytes first peaked.</summary>
public sealed class AliveAtPeakTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    private StratumViewModel Stratum(params (string Key, string? Value)[] query)
    {
        var vm = new StratumViewModel(_registry);
        vm.Load(query.ToDictionary(q => q.Key, q => q.Value));
        return vm;
    }

    [Fact]
    public void ReadmeCase1PeaksAt50BytesAtStep10WithTwoSlicesOnTheHeap()
    {
        using var vm = Stratum(("scenario", "readme-case1"), ("step", "end"));

        PeakView peak = vm.Peak!;
        Assert.Equal((50L, 10), (peak.PeakBytes, peak.Step));
        Assert.Equal("50 B", peak.PeakText);
        Assert.Equal(10, peak.HoldingCount);
        Assert.Equal(0, peak.More);
        Assert.Equal(2, peak.Holdings.Count(h => h.Where.Contains("heap", StringComparison.Ordinal)));
        Assert.Equal(8, peak.Holdings.Count(h => h.Where.StartsWith("pool slot", StringComparison.Ordinal)));
        Assert.Equal("bytes of live slices, in the pool and on the heap", peak.Measure);
    }

    [Fact]
    public void ThePeakIsTheOneReachedUpToTheStepShown()
    {
        using var vm = Stratum(("scenario", "readme-case1"), ("step", "5"));
        Assert.Equal((25L, 5), (vm.Peak!.PeakBytes, vm.Peak.Step));

        vm.Reset();
        Assert.Null(vm.Peak); // nothing held at step 0
    }

    [Fact]
    public void ABigPeakListsTwelveHoldingsAndCountsTheRest()
    {
        using var vm = new KeepViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["mode"] = "current", ["step"] = "800" });

        PeakView peak = vm.Peak!;
        Assert.Equal(PeakView.MaxHoldings, peak.Holdings.Count);
        Assert.True(peak.More > 0);
        Assert.Equal(peak.HoldingCount, peak.Holdings.Count + peak.More);
    }

    [Fact]
    public void EachComparedRunHasItsOwnPeak()
    {
        using var vm = Stratum(("scenario", "readme-case1"), ("compareScenario", "readme-case3"), ("step", "end"));

        Assert.Equal(50, vm.Peak!.PeakBytes);
        Assert.NotNull(vm.ComparePeak);
        Assert.Equal(40, vm.ComparePeak!.PeakBytes); // Case 3 never holds more than its 8 slots of 5 bytes
    }

    [Theory]
    [InlineData("script", "script", 0)]
    [InlineData("request 1 (client-33), request 6 (client-43)", "request 1 (client-33), request 6 (client-43)", 0)]
    [InlineData("a, b, c, d (x, y), e, f, g, h", "a, b, c, d (x, y), e, f", 2)]
    public void AHolderListIsCutToSixNames(string holder, string shown, int more) =>
        Assert.Equal((shown, more), PeakView.ShortHolder(holder));

    [Fact]
    public void ASharedCoalescingBufferNamesEveryRequestHoldingIt()
    {
        using var vm = new KeepViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["mode"] = "coalescing", ["step"] = "800" });

        PeakView peak = vm.Peak!;
        Assert.Contains(peak.Holdings, h => PeakView.ShortHolder(h.Holder).More > 0);
    }

    [Fact]
    public void EachSharedCoalescingBufferNamesItsOwnHoldersAsManyAsItsReferences()
    {
        // Compared with the current mode, as the issue's URL does: the compared run's peak is the coalescing one.
        using var vm = new KeepViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["mode"] = "current", ["compare"] = "coalescing", ["step"] = "end" });

        IReadOnlyList<PeakHolding> shared = vm.ComparePeak!.Holdings;
        Assert.True(shared.Count >= 2, "the herd's coalescing peak holds at least two shared buffers");
        foreach (PeakHolding holding in shared)
        {
            int references = int.Parse(Regex.Match(holding.Where, @"(\d+) reference").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(references, Holders(holding).Count); // one named holder per reference, none borrowed from another buffer
        }

        Assert.Empty(Holders(shared[0]).Intersect(Holders(shared[1])));
    }

    /// <summary>The request ids a holding names ("request 7 (client-12), request 9 (client-3)").</summary>
    private static List<int> Holders(PeakHolding holding) =>
        [.. Regex.Matches(holding.Holder, @"request (\d+)").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    public void Dispose() => _registry.Dispose();
}
