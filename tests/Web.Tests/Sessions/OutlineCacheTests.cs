using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Sessions;

/// <summary>Run outlines are remembered by content and bounded by bytes, not entries.</summary>
public sealed class OutlineCacheTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public void EqualWorkloadsShareOneProbeAndAnotherChoiceIsAnotherWorkload()
    {
        ResolvedScenario current = new ScenarioRequest("keep-job-start-herd").With("mode", "current").Resolve();
        ResolvedScenario again = new ScenarioRequest("keep-job-start-herd").With("mode", "current").Resolve();
        ResolvedScenario coalescing = new ScenarioRequest("keep-job-start-herd").With("mode", "coalescing").Resolve();

        Assert.NotSame(current.Scenario, again.Scenario);
        Assert.Equal(current.ContentKey, again.ContentKey);
        Assert.NotEqual(current.ContentKey, coalescing.ContentKey);
        Assert.NotEqual(new ScenarioRequest(null, "+1:5 -1").Resolve().ContentKey, new ScenarioRequest(null, "+1:5 -1", 80).Resolve().ContentKey);
    }

    [Fact]
    public void TheCacheKeepsTheMostRecentOutlinesWithinItsBytes()
    {
        var cache = new OutlineCache(maxBytes: 2_000);
        int probes = 0;
        RunOutline Probe()
        {
            probes++;
            return RunOutline.Of(10, []);
        }

        for (int i = 0; i < 20; i++)
        {
            cache.GetOrAdd($"key-{i}", Probe);
        }

        Assert.Equal(20, probes);
        Assert.True(cache.Bytes <= 2_000, $"{cache.Bytes} bytes");
        Assert.InRange(cache.Count, 1, 19);
        cache.GetOrAdd("key-19", Probe); // the newest is still there
        Assert.Equal(20, probes);
        cache.GetOrAdd("key-0", Probe); // the oldest went first
        Assert.Equal(21, probes);
    }

    [Fact]
    public void ReopeningTheSameWorkloadReusesItsOutline()
    {
        using SimulationSession first = _registry.Open("alice", new ScenarioRequest("readme-case3"), 5);
        using SimulationSession second = _registry.Open("alice", new ScenarioRequest("readme-case3"), 5);

        Assert.Same(first.Outline, second.Outline);
    }

    public void Dispose() => _registry.Dispose();
}
