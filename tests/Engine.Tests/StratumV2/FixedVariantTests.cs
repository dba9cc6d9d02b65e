using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulations.StratumV2;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.StratumV2;

/// <summary>The bug reproductions under the corrected variant: same workload, no violation, and the behaviour each fix promises.</summary>
public class FixedVariantTests
{
    private static Run RunBoth(string preset, Sv2Variant variant)
    {
        var scenario = (Sv2Scenario)ScenarioCatalog.Find(preset)!;
        var run = new Run(scenario with { Variant = variant }, 1);
        run.RunToEnd();
        return run;
    }

    private static InvariantKind[] Violations(Run run) =>
        run.Events.Events.Select(e => e.Event).OfType<InvariantViolated>().Select(v => v.Kind).Distinct().Order().ToArray();

    [Theory]
    [InlineData("bug-b3-duplicate-index", new[] { InvariantKind.DuplicateIndex })]
    [InlineData("bug-b4-overlap", new[] { InvariantKind.Overlap, InvariantKind.Corrupt })]
    [InlineData("bug-b5-panic", new[] { InvariantKind.Panic })]
    public void FaithfulShowsTheBugAndFixedDoesNot(string preset, InvariantKind[] faithful)
    {
        Assert.Equal(faithful, Violations(RunBoth(preset, Sv2Variant.Faithful)));
        Run fixedRun = RunBoth(preset, Sv2Variant.Fixed);
        Assert.Empty(Violations(fixedRun));
        Assert.Null(fixedRun.Model.Failure);
    }

    [Fact]
    public void B1FixLeavesAllocOnceTheFrontFreesInsteadOfStayingStuck()
    {
        var faithful = (Sv2Snapshot)RunBoth("bug-b1-stuck-alloc", Sv2Variant.Faithful).Model.Snapshot();
        Run fixedRun = RunBoth("bug-b1-stuck-alloc", Sv2Variant.Fixed);
        int fixedHeap = (int)fixedRun.Model.Metrics().Single(m => m.Name == "sv2.messages.heap").Value;
        int faithfulHeap = (int)RunBoth("bug-b1-stuck-alloc", Sv2Variant.Faithful).Model.Metrics().Single(m => m.Name == "sv2.messages.heap").Value;

        Assert.Equal(PoolMode.Back, faithful.Mode);
        Assert.Equal(4, faithfulHeap); // +12, +13, +14, +15 all on the heap
        Assert.True(fixedHeap < faithfulHeap, $"fixed put {fixedHeap} messages on the heap, faithful {faithfulHeap}");
    }

    [Fact]
    public void B6FixResetsAnIdlePoolWhoseBackLengthIsZero()
    {
        // bug-b5-panic passes an idle step (-8,11 leaves ss == 0) in Front mode with pool_back.len == 0.
        var scenario = (Sv2Scenario)ScenarioCatalog.Find("bug-b5-panic")!;
        var resets = new Dictionary<Sv2Variant, int>();
        foreach (Sv2Variant variant in new[] { Sv2Variant.Faithful, Sv2Variant.Fixed })
        {
            var run = new Run(scenario with { Variant = variant }, 1);
            run.SeekTo(17); // +12:1, the first write after the idle step
            resets[variant] = run.Events.Events.Count(e => e.Event is Reset);
        }

        Assert.Equal(0, resets[Sv2Variant.Faithful]);
        Assert.True(resets[Sv2Variant.Fixed] > 0);
    }
}
