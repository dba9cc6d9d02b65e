using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Scenarios;

/// <summary>Phases run in order, and each load model and op grammar does what the file says.</summary>
public class PhaseTests
{
    private static Run RunToEnd(string yaml, ulong seed = 1)
    {
        var run = new Run(ScenarioFile.Parse(yaml, "t.yaml").Scenario, seed);
        run.RunToEnd();
        Assert.True(run.IsFinished);
        return run;
    }

    [Fact]
    public void AKeepPhaseStartsWhenEveryRequestOfThePhaseBeforeHasBeenAnswered()
    {
        using Run run = RunToEnd("""
            name: two-phases
            description: d
            system: keep
            options: { blocks: 8, gcIntervalMs: 50 }
            phases:
              - load: closed
                clients: 6
                requestsPerClient: 2
                spreadMs: 30
              - load: open
                ratePerSecond: 200
                durationMs: 100
            """);
        var arrivals = run.Events.Events.Where(e => e.Event is RequestArrived).ToList();
        var responses = run.Events.Events.Where(e => e.Event is ResponseSent).ToList();
        Assert.Equal(arrivals.Count, responses.Count);
        TimeSpan firstPhaseDone = responses[11].Time;
        Assert.All(arrivals.Skip(12), a => Assert.True(a.Time >= firstPhaseDone, $"{a.Time} before {firstPhaseDone}"));
        Assert.True(arrivals.Count > 12);
    }

    [Fact]
    public void AClosedPhaseWithADurationStopsSendingWhenItEnds()
    {
        using Run run = RunToEnd("name: d\ndescription: d\nsystem: keep\nphases:\n  - load: closed\n    clients: 4\n    requestsPerClient: 1000\n    thinkMs: 50\n    durationMs: 500\n");
        var arrivals = run.Events.Events.Where(e => e.Event is RequestArrived).ToList();
        Assert.InRange(arrivals.Count, 4, 400);
        Assert.All(arrivals, a => Assert.True(a.Time < TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public void KeepOpsSendTheListedRequestsInTurn()
    {
        using Run run = RunToEnd("name: o\ndescription: d\nsystem: keep\noptions: { blocks: 3 }\nphases:\n  - ops: g2 g0 p g1^\n    intervalMs: 10\n");
        var arrived = run.Events.Events.Select(e => e.Event).OfType<RequestArrived>().ToList();
        Assert.Equal(["GET", "GET", "PUT", "GET"], arrived.Select(a => a.Method));
        Assert.Equal([0L, 0, 0, 1], arrived.Select(a => a.Priority));
        Assert.Equal(["g2", "g0", "p", "g1^"], run.Trace.Where(e => e.Op is not ("start" or "phase0")).Select(e => e.Op));
    }

    [Fact]
    public void FusePhasesSendTheirRequestsInOrderWithTheirOwnDepth()
    {
        using Run run = RunToEnd("""
            name: f
            description: d
            system: fuse
            options: { mode: vectored, fileBytes: 4MiB, maxMessageSize: 1MiB }
            phases:
              - load: closed
                clients: 1
                sequentialWriteBytes: 1MiB
                ioBytes: 256KiB
              - ops: r0:64KiB+f r1MiB:4KiB+i w8KiB:8KiB
                clients: 2
            """);
        Assert.Equal(
            ["depth1", "w0:256KiB", "w256KiB:256KiB", "w512KiB:256KiB", "w768KiB:256KiB", "depth2", "r0:64KiB+f", "r1MiB:4KiB+i", "w8KiB:8KiB"],
            run.Trace.Select(e => e.Op));
        var model = (FuseModel)run.Model;
        Assert.Equal(0, model.Errors);
    }

    [Fact]
    public void FilestoreOpsWriteInTheirOrderAndHandReadsToReadersInTurn()
    {
        using Run run = RunToEnd("name: fs\ndescription: d\nsystem: filestore\noptions: { fileBytes: 4MiB }\nphases:\n  - ops: w9 w2 w5 r5 r9 r2 r5\n    readers: 2\n    readIntervalMs: 1\n");
        Assert.Equal(["w9", "w2", "w5"], run.Trace.Where(e => e.Actor.StartsWith("writer", StringComparison.Ordinal)).Select(e => e.Op));
        Assert.Equal(["r5", "r2"], run.Trace.Where(e => e.Actor == "reader-1").Select(e => e.Op));
        Assert.Equal(["r9", "r5"], run.Trace.Where(e => e.Actor == "reader-2").Select(e => e.Op));
        Assert.Equal(4, ((FilestoreModel)run.Model).BlocksRead);
    }

    [Fact]
    public void StratumOpsPhasesRunAsOneScriptAndAnOpenPhaseTakesItsSizes()
    {
        using Run script = RunToEnd("name: s\ndescription: d\nsystem: stratum-v2\noptions: { capacity: 40 }\nphases:\n  - ops: +1:5 +2:5\n  - ops: -1 +3:5\n");
        Assert.Equal(["+1:5", "+2:5", "-1", "+3:5", "end"], script.Trace.Select(e => e.Op));

        using Run open = RunToEnd("name: s\ndescription: d\nsystem: stratum-v2\noptions: { capacity: 64 }\nphases:\n  - load: open\n    messages: 20\n    maxChunks: 1\n    sizes: { distribution: list, values: [3, 7] }\n");
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"+{i}:{(i % 2 == 1 ? 3 : 7)}"), open.Trace.Where(e => e.Actor == "producer" && e.Op != "end").Select(e => e.Op));
    }

    [Fact]
    public void AZipfKeyDistributionFavoursTheFirstBlocks()
    {
        using Run run = RunToEnd("name: z\ndescription: d\nsystem: keep\noptions: { blocks: 16 }\nphases:\n  - load: closed\n    clients: 20\n    requestsPerClient: 20\n    keys: { distribution: zipf, alpha: 1.2 }\n");
        var byBlock = run.Trace.Where(e => e.Op.StartsWith('g')).GroupBy(e => e.Op).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byBlock["g0"] > 4 * byBlock.GetValueOrDefault("g15"), string.Join(", ", byBlock));
    }
}
