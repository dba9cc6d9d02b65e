using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Simulation;

/// <summary>Each system names what was alive, and who held it, when the bytes it held first peaked.</summary>
public class AliveAtPeakTests
{
    private static AliveAtPeak PeakOf(string preset, string? mode = null, ulong seed = 1)
    {
        IScenario scenario = ScenarioCatalog.Find(preset)!;
        if (mode is not null)
        {
            scenario = SystemCatalog.Of(scenario).Alternatives(scenario).Single(a => a.Label.EndsWith($"={mode}", StringComparison.Ordinal)).Scenario;
        }

        using var run = new Run(scenario, seed);
        run.RunToEnd();
        AliveAtPeak peak = run.Peak!;
        Assert.Equal(peak.PeakBytes, peak.Holdings.Sum(h => h.Bytes));
        return peak;
    }

    [Fact]
    public void StratumReadmeCase1PeaksWithAllTenSlicesEightInThePoolAndTwoOnTheHeap()
    {
        AliveAtPeak peak = PeakOf("readme-case1");
        Assert.Equal(50, peak.PeakBytes);
        Assert.Equal(10, peak.Step);
        Assert.Equal(8, peak.Holdings.Count(h => h.Where.StartsWith("pool slot", StringComparison.Ordinal)));
        Assert.Equal(["heap (Alloc mode)", "heap (Alloc mode)"], peak.Holdings.Where(h => !h.Where.StartsWith("pool", StringComparison.Ordinal)).Select(h => h.Where));
        Assert.All(peak.Holdings, h => Assert.Equal("script", h.Holder));
        Assert.Equal("pool slot 1, bytes 0-4", peak.Holdings[0].Where);
    }

    [Fact]
    public void ARandomStratumRunsSlicesAreHeldByTheirConsumers()
    {
        AliveAtPeak peak = PeakOf("random");
        Assert.All(peak.Holdings, h => Assert.StartsWith("consumer-", h.Holder, StringComparison.Ordinal));
        Assert.All(peak.Holdings, h => Assert.Equal($"consumer-{h.What.Split(' ')[1]}", h.Holder));
    }

    [Theory]
    [InlineData("current", 64)]
    [InlineData("coalescing", 2)]
    public void KeepHerdPeaksWithTheBuffersRequestsHold(string mode, int buffers)
    {
        AliveAtPeak peak = PeakOf("keep-job-start-herd", mode);
        Assert.Equal(buffers, peak.Holdings.Count);
        Assert.Equal(buffers * (1L << 20), peak.PeakBytes);
        Assert.All(peak.Holdings, h => Assert.Matches(@"^request \d+ \(client-\d+\)(, request \d+ \(client-\d+\))*$", h.Holder));
    }

    [Fact]
    public void KeepCoalescingBuffersEachNameTheRequestsHoldingThem()
    {
        // SharedBuffer.Fetch counts each buffer's own fetches while KeepRequest.Fetch is a flight id: matching them
        // once listed flight 1's sharers under every buffer's first fetch.
        AliveAtPeak peak = PeakOf("keep-job-start-herd", "coalescing");
        List<int>[] holders = [.. peak.Holdings.Select(h => System.Text.RegularExpressions.Regex.Matches(h.Holder, @"request (\d+)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList())];
        Assert.All(peak.Holdings.Zip(holders), p => Assert.EndsWith($", {p.Second.Count} reference(s)", p.First.Where, StringComparison.Ordinal));
        Assert.Equal(holders.Sum(h => h.Count), holders.SelectMany(h => h).Distinct().Count());
    }

    [Theory]
    [InlineData("vectored")]
    [InlineData("contiguous-large")]
    public void FuseWritesHoldTheirMessagesBlocks(string mode)
    {
        AliveAtPeak peak = PeakOf("fuse-large-write-4m", mode);
        Assert.All(peak.Holdings, h => Assert.StartsWith("WRITE #", h.What, StringComparison.Ordinal));
        Assert.All(peak.Holdings, h => Assert.Matches(@"^op-\d+$", h.Holder));
        Assert.InRange(peak.Holdings.Count, 1, 2);
    }

    [Theory]
    [InlineData("std", 256 << 10)]
    [InlineData("mmap", 4L << 30)]
    public void FilestoreReadersHoldABufferOrAMappingOfTheWholeFile(string reader, long perReader)
    {
        AliveAtPeak peak = PeakOf("filestore-seed-repro", reader);
        Assert.All(peak.Holdings, h => Assert.Equal(perReader, h.Bytes));
        Assert.All(peak.Holdings, h => Assert.Matches(@"^reader-\d$", h.Holder));
    }
}
