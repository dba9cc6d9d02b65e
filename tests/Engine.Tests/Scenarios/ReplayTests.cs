using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Tests.Scenarios;

/// <summary>A recorded trace, replayed, runs the same ops at the same virtual times: the same event log, byte for byte.</summary>
public class ReplayTests
{
    public static TheoryData<string> Presets => [.. ScenarioCatalog.Documents.Select(d => d.Name)];

    private static (Run Run, string Trace) Record(ScenarioDocument document, ulong seed)
    {
        var run = new Run(document.Scenario, seed);
        run.RunToEnd();
        return (run, ScenarioText.WithTrace(document.Text, seed, run.Trace));
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void ReplayingARecordedTraceGivesTheSameEventLog(string preset)
    {
        (Run original, string trace) = Record(ScenarioCatalog.FindDocument(preset)!, 7);
        ScenarioDocument replay = ScenarioFile.Parse(trace, $"{preset}.trace.yaml");
        Assert.True(replay.IsTrace);
        Assert.Equal(7UL, replay.Seed);

        using (original)
        using (var again = new Run(replay.Scenario, replay.Seed!.Value))
        {
            again.RunToEnd();
            Assert.Equal(original.Step, again.Step);
            Assert.Equal(original.Events.Sha256(), again.Events.Sha256());
            Assert.Equal(original.Trace, again.Trace);
        }
    }

    [Fact]
    public void ATraceRecordedFromAReplayIsTheSameTrace()
    {
        (Run original, string trace) = Record(ScenarioCatalog.FindDocument("keep-zipf")!, 3);
        ScenarioDocument replay = ScenarioFile.Parse(trace, "t.yaml");
        using (original)
        using (var again = new Run(replay.Scenario, 3))
        {
            again.RunToEnd();
            Assert.Equal(trace, ScenarioText.WithTrace(replay.Text, 3, again.Trace));
        }
    }

    [Fact]
    public void ATimeScaleStretchesAScriptAndKeepsItsOps()
    {
        (Run original, string trace) = Record(ScenarioCatalog.FindDocument("readme-case3")!, 1);
        ScenarioDocument slow = ScenarioFile.Parse(ScenarioText.Set(trace, "trace.timeScale", "3"), "t.yaml");
        using (original)
        using (var again = new Run(slow.Scenario, 1))
        {
            again.RunToEnd();
            Assert.Equal(original.Trace.Select(e => e.Op), again.Trace.Select(e => e.Op));
            Assert.Equal(original.Trace.Select(e => e.At * 3), again.Trace.Select(e => e.At));
            Assert.Equal(original.Model.Summary(), again.Model.Summary());
            Assert.NotEqual(original.Events.Sha256(), again.Events.Sha256()); // the times are in the log
        }
    }

    [Fact]
    public void AKeepReplayAtHalfTimeSendsTheSameRequestsTwiceAsOften()
    {
        const string Arrivals = "name: arrivals\ndescription: d\nsystem: keep\noptions: { blocks: 4 }\nphases:\n  - ops: g0 g1 g2 g3 g0 p\n    intervalMs: 1000\n";
        (Run original, string trace) = Record(ScenarioFile.Parse(Arrivals, "a.yaml"), 2);
        ScenarioDocument fast = ScenarioFile.Parse(ScenarioText.Set(trace, "trace.timeScale", "0.5"), "t.yaml");
        using (original)
        using (var again = new Run(fast.Scenario, 2))
        {
            again.RunToEnd();
            static TraceEntry[] Requests(Run run) => [.. run.Trace.Where(e => e.Actor.StartsWith("client-", StringComparison.Ordinal) && e.Op != "start")];
            Assert.Equal(Requests(original).Select(e => e.Op), Requests(again).Select(e => e.Op));
            Assert.Equal(Requests(original).Select(e => e.At / 2), Requests(again).Select(e => e.At));
            Assert.Equal(TimeSpan.FromSeconds(5), Requests(original)[^1].At);
        }
    }

    [Fact]
    public void ABrokenTraceEntryIsAProblemAtItsLine()
    {
        (Run original, string trace) = Record(ScenarioCatalog.FindDocument("readme-case1")!, 1);
        original.Dispose();
        string broken = trace.Replace("\"1 script +2:5\"", "\"1 script +2:five\"", StringComparison.Ordinal);
        ScenarioProblem problem = Assert.Single(ScenarioFile.Validate(broken, "t.yaml"));
        Assert.Equal("trace.entries[1]", problem.Path);
        Assert.Equal(broken.Split('\n').ToList().FindIndex(l => l.Contains("+2:five", StringComparison.Ordinal)) + 1, problem.Line);
    }

    [Fact]
    public void AKeepTraceThatDoesNotFitItsScenarioIsRefusedWithWhy()
    {
        (Run original, string trace) = Record(ScenarioCatalog.FindDocument("keep-volume-failure")!, 1);
        original.Dispose();
        string twoPhases = ScenarioText.WithTrace(
            ScenarioFile.Parse(trace, "t.yaml").Text.Replace("phases:\n", "phases:\n  - ops: g0\n", StringComparison.Ordinal), 1, original.Trace);
        Assert.Contains(ScenarioFile.Validate(twoPhases, "t.yaml"), p => p.Message == "the trace holds 1 phases; the scenario has 2");

        string early = trace.Replace("\"0 phases phase0\"", "\"0 client-1 g0\"", StringComparison.Ordinal);
        Assert.Contains(ScenarioFile.Validate(early, "t.yaml"), p => p.Path == "trace.entries[0]" && p.Message == "the trace must start with '0 phases phase0'");
    }
}
