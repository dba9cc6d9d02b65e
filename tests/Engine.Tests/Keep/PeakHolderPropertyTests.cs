using System.Globalization;
using System.Text.RegularExpressions;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>
/// What "alive at the peak" lists for keepstore is true of the run: every holder named for a
/// buffer is a request for that buffer's block that acquired the buffer and had not released it
/// at the peak's step, in every keep preset, mode and several seeds.
/// </summary>
public sealed partial class PeakHolderPropertyTests
{
    public static TheoryData<string, string, ulong> Runs()
    {
        var runs = new TheoryData<string, string, ulong>();
        foreach (IScenario preset in ScenarioCatalog.All.Where(p => p.System == "keep"))
        {
            foreach (string mode in new[] { "current", "legacy", "coalescing" })
            {
                foreach (ulong seed in new ulong[] { 1, 2 })
                {
                    runs.Add(preset.Name, mode, seed);
                }
            }
        }

        return runs;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void EveryHolderOfABufferIsARequestReadingItsBlockThatHoldsIt(string preset, string mode, ulong seed)
    {
        IScenario scenario = SystemCatalog.Of(ScenarioCatalog.Find(preset)!).Alternatives(ScenarioCatalog.Find(preset)!)
            .Single(a => a.Label.EndsWith($"={mode}", StringComparison.Ordinal)).Scenario;
        using var run = new Run(scenario, seed);
        run.RunToEnd();
        AliveAtPeak peak = run.Peak!;
        IReadOnlyList<LoggedEvent> events = run.Events.Events;
        Dictionary<int, string> hashOf = events.Select(e => e.Event).OfType<RequestArrived>().ToDictionary(r => r.Request, r => r.Hash);

        foreach (PeakHolding holding in peak.Holdings)
        {
            int buffer = int.Parse(BufferNumber().Match(holding.What).Groups[1].Value, CultureInfo.InvariantCulture);
            string block = BlockPrefix().Match(holding.Where).Groups[1].Value;
            foreach (int request in RequestNumber().Matches(holding.Holder).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
            {
                Assert.StartsWith(block, hashOf[request], StringComparison.Ordinal);
                Assert.True(HeldAt(events, request, buffer, peak.Step), $"request {request} does not hold buffer #{buffer} at step {peak.Step}");
            }
        }
    }

    /// <summary>The request took the buffer (a pool buffer, or #10541's: a hit, a join or a fetch) at or before the step, and did not release it by then.</summary>
    private static bool HeldAt(IReadOnlyList<LoggedEvent> events, int request, int buffer, int step)
    {
        bool held = false;
        foreach (LoggedEvent logged in events.TakeWhile(e => e.Step <= step))
        {
            held = logged.Event switch
            {
                BufferAcquired a when a.Request == request && a.Buffer == buffer => true,
                CacheHit h when h.Request == request && h.Buffer == buffer => true,
                FetchJoined j when j.Request == request && j.Buffer == buffer => true,
                FetchStarted f when f.Request == request && f.Buffer == buffer => true,
                BufferReleased r when r.Request == request && r.Buffer == buffer => false,
                _ => held,
            };
        }

        return held;
    }

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex BufferNumber();

    [GeneratedRegex(@"([0-9a-f]{8})…")]
    private static partial Regex BlockPrefix();

    [GeneratedRegex(@"request (\d+)")]
    private static partial Regex RequestNumber();
}
