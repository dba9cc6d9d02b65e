using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>A PUT's storage classes travel in the keep op grammar (`p[hot,archive]`), so a recorded trace replays them; a `p` without brackets still asks for none.</summary>
public sealed class KeepTraceClassesTests
{
    private const string Scenario = """
        name: put-classes
        description: PUTs asking for hot and archive copies.
        system: keep
        options:
          volumes: 3
          volumeSettings:
            - storageClasses: [archive]
            - storageClasses: [hot]
              replication: 2
        phases:
          - load: closed
            clients: 3
            requestsPerClient: 2
            putFraction: 0.5
            storageClasses: [hot, archive]
          - ops: p[archive] g1 p
        """;

    private static (Run Run, string Trace) Record(string text, ulong seed)
    {
        var run = new Run(ScenarioFile.Parse(text, "put-classes.yaml").Scenario, seed);
        run.RunToEnd();
        return (run, ScenarioText.WithTrace(text, seed, run.Trace));
    }

    [Fact]
    public void ARecordedTraceCarriesThePutsClassesAndReplaysToTheSameEventLog()
    {
        (Run original, string trace) = Record(Scenario, 5);
        using (original)
        using (var again = new Run(ScenarioFile.Parse(trace, "put-classes.trace.yaml").Scenario, 5))
        {
            again.RunToEnd();
            Assert.Contains(original.Trace, e => e.Op == "p[hot,archive]");
            Assert.Contains(original.Trace, e => e.Op == "p[archive]");
            Assert.Equal(original.Events.Sha256(), again.Events.Sha256());
            Assert.Equal(original.Trace, again.Trace);
            Assert.Contains(again.Events.Events.Select(e => e.Event).OfType<BlockStored>(), s => s.StorageClasses == "archive=1, hot=2");
        }
    }

    [Fact]
    public void AnOldTraceWithoutClassesStillReplaysItsPutsAsAskingForNone()
    {
        (Run original, string trace) = Record(Scenario, 5);
        original.Dispose();
        string old = trace.Replace("p[hot,archive]", "p", StringComparison.Ordinal).Replace("p[archive]", "p", StringComparison.Ordinal);
        using var again = new Run(ScenarioFile.Parse(old, "old.trace.yaml").Scenario, 5);
        again.RunToEnd();

        Assert.All(again.Trace.Where(e => e.Actor.StartsWith("client-", StringComparison.Ordinal) && e.Op.StartsWith('p')), e => Assert.Equal("p", e.Op));
        Assert.All(again.Events.Events.Select(e => e.Event).OfType<BlockStored>(), s => Assert.DoesNotContain(",", s.StorageClasses, StringComparison.Ordinal)); // one volume of any class is enough
    }

    [Theory]
    [InlineData("p[hot]", "hot")]
    [InlineData("p[hot,archive]^x800", "hot,archive")]
    public void ClassesRoundTrip(string token, string classes)
    {
        KeepOp op = KeepOp.TryParse(token, out string? error)!;
        Assert.Null(error);
        Assert.Equal(classes.Split(','), op.StorageClasses);
        Assert.Equal(token, op.ToString());
        Assert.Equal(op, KeepOp.TryParse(token, out _));
    }

    [Theory]
    [InlineData("g3[hot]", "storage classes go with a PUT")]
    [InlineData("p[hot", "end with ]")]
    [InlineData("p[]", "without spaces, commas or brackets")]
    [InlineData("p[a,,b]", "without spaces, commas or brackets")]
    public void BadClassesAreRefusedWithAReason(string token, string reason)
    {
        Assert.Null(KeepOp.TryParse(token, out string? error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void APhasesClassNamesMayNotHoldWhatTheOpGrammarUses()
    {
        string bad = Scenario.Replace("storageClasses: [hot, archive]", "storageClasses: [\"hot,cold\"]", StringComparison.Ordinal);
        string[] problems = [.. ScenarioFile.Validate(bad, "bad.yaml").Select(p => p.ToString())];

        Assert.Contains(problems, p => p.Contains("phases[0].storageClasses[0]", StringComparison.Ordinal) && p.Contains(KeepOp.ClassNameRule, StringComparison.Ordinal));
    }
}
