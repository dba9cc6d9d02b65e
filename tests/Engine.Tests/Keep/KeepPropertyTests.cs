using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>
/// Properties over random keepstore workloads (each drawn from a seed): every request gets exactly
/// one response and nothing is left held at the end, in every mode; in coalescing mode a block
/// never has two fetches in flight and each fetch reads the volume once.
/// </summary>
public class KeepPropertyTests
{
    private const int Cases = 60;

    public static TheoryData<KeepServerMode> Modes => [KeepServerMode.Current, KeepServerMode.Legacy, KeepServerMode.Coalescing];

    /// <summary>A small random workload: tight limits, faults, PUTs, Origin headers and clients that give up.</summary>
    private static KeepScenario RandomScenario(ulong seed, KeepServerMode mode)
    {
        var r = new SeededRandom(seed);
        int blocks = r.NextInt(1, 6);
        Distribution keys = r.NextInt(2) == 0 ? Distribution.Uniform : Distribution.Zipf(0.5 + r.NextDouble());
        KeepLoad Phase() => Phase2((KeepLoadKind)r.NextInt(3));
        KeepLoad Phase2(KeepLoadKind kind) => new(kind)
        {
            Clients = r.NextInt(1, 12),
            RequestsPerClient = r.NextInt(1, 4),
            RatePerSecond = 20 + r.NextInt(200),
            DurationMs = kind == KeepLoadKind.Open || r.NextInt(2) == 0 ? 200 : 0,
            SpreadMs = r.NextInt(0, 50),
            ThinkMs = r.NextInt(0, 30),
            IntervalMs = r.NextInt(0, 5),
            Ops = [.. Enumerable.Range(0, r.NextInt(1, 8)).Select(_ => new KeepOp(r.NextInt(blocks), r.NextInt(4) == 0, r.NextInt(2), r.NextInt(3) == 0 ? 100 : null))],
            Keys = keys,
            PutFraction = r.NextDouble() * 0.3,
            OriginFraction = r.NextDouble() * 0.3,
            DisconnectFraction = r.NextDouble() * 0.4,
            DisconnectAfterMs = r.NextInt(1, 600),
        };

        return new KeepScenario
        {
            Name = $"random-{seed}",
            Title = "random",
            Description = "random",
            Config = new KeepConfig
            {
                Mode = mode,
                Scale = 1024,
                MaxBuffers = r.NextInt(1, 5),
                MaxConcurrentRequests = r.NextInt(1, 8),
                MaxQueuedRequests = r.NextInt(0, 6),
                LegacyMaxRequests = r.NextInt(0, 6),
                StreamWhileFilling = r.NextInt(2) == 0,
                Volumes = r.NextInt(1, 3),
                VolumeParallelParts = r.NextInt(1, 4),
                GcIntervalMs = r.NextInt(2) == 0 ? 0 : 100,
            },
            Blocks = blocks,
            Faults = r.NextInt(3) == 0 ? [new KeepBlockFault(0, FailAfterFraction: r.NextDouble() * 0.9, Corrupt: r.NextInt(2) == 0)] : [],
            Phases = [.. Enumerable.Range(0, r.NextInt(1, 3)).Select(_ => Phase())],
        };
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void EveryRequestGetsExactlyOneResponseAndNothingIsLeftHeld(KeepServerMode mode)
    {
        for (ulong seed = 1; seed <= Cases; seed++)
        {
            var run = new Run(RandomScenario(seed, mode), seed);
            run.RunToEnd();
            var model = (KeepModel)run.Model;
            var responses = run.Events.Events.Select(e => e.Event).OfType<ResponseSent>().GroupBy(r => r.Request).ToArray();

            Assert.True(run.IsFinished && run.Step < Run.MaxSteps, $"seed {seed}: the run did not end");
            Assert.All(responses, g => Assert.Single(g));
            Assert.Equal(model.Requests.Count, responses.Length);
            Assert.All(model.Requests, r => Assert.NotNull(r.Status));
            Assert.Equal(0, model.BuffersInUse);
            Assert.Equal(0, model.Limiter.Handling + model.Limiter.Queued + model.LegacyRunning);
            Assert.Equal(0, model.Pool.Waiting);
        }
    }

    [Fact]
    public void InCoalescingModeABlockHasOneFetchInFlightAndEachFetchReadsTheVolumeOnce()
    {
        for (ulong seed = 1; seed <= Cases; seed++)
        {
            KeepScenario scenario = RandomScenario(seed, KeepServerMode.Coalescing);
            var run = new Run(scenario with { Config = scenario.Config with { Volumes = 1 } }, seed);
            run.RunToEnd();
            var inFlight = new Dictionary<string, int>();
            var readsByFetch = new Dictionary<int, int>();
            int? fillingFetchOf(int request) => ((KeepModel)run.Model).Requests[request - 1].Fetch;
            foreach (object e in run.Events.Events.Select(l => l.Event))
            {
                switch (e)
                {
                    case FetchStarted started:
                        Assert.False(inFlight.ContainsKey(started.Hash), $"seed {seed}: a second fetch of {started.Hash} started while one was in flight");
                        inFlight[started.Hash] = started.Fetch;
                        break;
                    case FetchFinished finished:
                        Assert.Equal(finished.Fetch, inFlight[finished.Hash]);
                        inFlight.Remove(finished.Hash);
                        break;
                    case VolumeReadStarted read when fillingFetchOf(read.Request) is { } fetch:
                        readsByFetch[fetch] = readsByFetch.GetValueOrDefault(fetch) + 1;
                        break;
                }
            }

            Assert.Empty(inFlight);
            Assert.All(readsByFetch.Values, reads => Assert.Equal(1, reads));
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void EveryPresetRunsToTheEndInEveryMode(KeepServerMode mode)
    {
        foreach (KeepScenario preset in ScenarioCatalog.Of<KeepScenario>())
        {
            var run = new Run(preset.WithMode(mode), 1);
            run.RunToEnd();
            var model = (KeepModel)run.Model;

            Assert.True(run.IsFinished, $"{preset.Name} did not end");
            Assert.Equal(model.Counters.Requests, model.Counters.ResponseCount);
            Assert.True(run.Step < 50_000, $"{preset.Name} in {mode} takes {run.Step} steps, more than a dashboard session allows");
        }
    }
}
