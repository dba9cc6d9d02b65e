using System.Text.Json;
using System.Text.Json.Nodes;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using BufferLab.Simulator.Engine.Telemetry;
using static BufferLab.Simulator.Engine.Tests.Cli.CliRunner;

namespace BufferLab.Simulator.Engine.Tests.Cli;

/// <summary>`run … --seek N`: the state at step N, the same as an engine run that reached N (here by seeking back through checkpoints) and as `run` to the end cut at N.</summary>
public class SeekCliTests
{
    private static JsonObject Json(string output) => JsonNode.Parse(output)!.AsObject();

    /// <summary>The report without the seek (what RunReport.ToJson writes), to compare with the engine's own report.</summary>
    private static string WithoutSeek(JsonObject report)
    {
        JsonObject copy = report.DeepClone().AsObject();
        copy.Remove("seek");
        return copy.ToJsonString();
    }

    private static string Normalized(string reportJson) => JsonNode.Parse(reportJson)!.ToJsonString();

    private static int Steps(string scenario) => Json(RunCli("run", scenario, "--seed", "3", "--format", "json").Output)["steps"]!.GetValue<int>();

    private static string TempLog() => Path.Combine(Path.GetTempPath(), $"bufferlab-{Guid.NewGuid():N}.jsonl");

    [Fact]
    public void SeekZeroReportsTheStateBeforeAnyStep()
    {
        var (exit, output, error) = RunCli("run", "random", "--seed", "3", "--seek", "0", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        JsonObject report = Json(output);
        Assert.Equal(0, report["steps"]!.GetValue<int>());
        Assert.False(report["finished"]!.GetValue<bool>());
        Assert.Equal(0, report["seek"]!["step"]!.GetValue<int>());
        Assert.False(report["seek"]!["pastEnd"]!.GetValue<bool>());
        using var fresh = new Run(ScenarioCatalog.Find("random")!, 3);
        Assert.Equal(Normalized(RunReport.From(fresh).ToJson()), WithoutSeek(report));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("keep-job-start-herd")]
    public void SeekMidwayIsTheStateOfAnEngineRunSeekingBackToThatStepThroughCheckpoints(string scenario)
    {
        int mid = Steps(scenario) / 2;

        var (exit, output, _) = RunCli("run", scenario, "--seed", "3", "--seek", $"{mid}", "--format", "json");

        Assert.Equal(0, exit);
        JsonObject report = Json(output);
        Assert.Equal(mid, report["steps"]!.GetValue<int>());
        Assert.False(report["finished"]!.GetValue<bool>());
        Assert.Equal(mid, report["seek"]!["requested"]!.GetValue<int>());
        using var engine = new Run(ScenarioCatalog.Find(scenario)!, 3, checkpoints: CheckpointBudget.Default);
        engine.RunToEnd();
        engine.SeekTo(mid);
        Assert.True(engine.Checkpoints.Count > 1);
        Assert.Equal(Normalized(RunReport.From(engine).ToJson()), WithoutSeek(report)); // summary, metrics, events, event log hash
    }

    [Fact]
    public void SeekWritesTheFullRunsEventLogCutAtThatStep()
    {
        int mid = Steps("random") / 2;
        string cut = TempLog(), full = TempLog();

        Assert.Equal(0, RunCli("run", "random", "--seed", "3", "--seek", $"{mid}", "--log", cut).Exit);
        Assert.Equal(0, RunCli("run", "random", "--seed", "3", "--log", full).Exit);

        string[] prefix = File.ReadAllLines(cut), whole = File.ReadAllLines(full);
        Assert.NotEmpty(prefix);
        Assert.Equal([.. whole.TakeWhile(line => JsonDocument.Parse(line).RootElement.GetProperty("step").GetInt32() <= mid)], prefix);
        Assert.True(whole.Length > prefix.Length);
        File.Delete(cut);
        File.Delete(full);
    }

    [Fact]
    public void SeekPastTheEndStopsAtTheEndSaysSoAndReportsWhatRunDoes()
    {
        var (_, whole, _) = RunCli("run", "random", "--seed", "3", "--format", "json");
        int last = Json(whole)["steps"]!.GetValue<int>();

        var (exit, output, _) = RunCli("run", "random", "--seed", "3", "--seek", $"{last + 1000}", "--format", "json");

        Assert.Equal(0, exit);
        JsonObject report = Json(output);
        Assert.True(report["seek"]!["pastEnd"]!.GetValue<bool>());
        Assert.Equal(last + 1000, report["seek"]!["requested"]!.GetValue<int>());
        Assert.Equal(last, report["seek"]!["step"]!.GetValue<int>());
        Assert.Equal(Normalized(whole), WithoutSeek(report));

        string text = RunCli("run", "random", "--seed", "3", "--seek", $"{last + 1000}").Output;
        Assert.Contains($"seek: step {last + 1000} is past the run's end; stopped at its last step, {last}\n", text, StringComparison.Ordinal);
        Assert.Contains("result: finished\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SeekToTheLastStepIsFinishedAndNotPastTheEnd()
    {
        var (_, whole, _) = RunCli("run", "random", "--seed", "3", "--format", "json");
        int last = Json(whole)["steps"]!.GetValue<int>();

        JsonObject report = Json(RunCli("run", "random", "--seed", "3", "--seek", $"{last}", "--format", "json").Output);

        Assert.False(report["seek"]!["pastEnd"]!.GetValue<bool>());
        Assert.True(report["finished"]!.GetValue<bool>());
        Assert.Equal(Normalized(whole), WithoutSeek(report));
    }

    [Fact]
    public void SeekAsTextNamesTheStepAndTheStateThere()
    {
        var (exit, output, _) = RunCli("run", "random", "--seed", "3", "--seek", "5");

        Assert.Equal(0, exit);
        Assert.Contains("\nseek: step 5\nsteps: 5 (", output, StringComparison.Ordinal);
        Assert.Contains("\nresult: goes on after this step\nstate: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("final:", output, StringComparison.Ordinal);
        Assert.Contains("event log sha256: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SeekPastAFailureStopsAtTheFailingStep()
    {
        var (_, whole, _) = RunCli("run", "bug-b5-panic", "--seed", "1", "--format", "json");
        JsonObject end = Json(whole);
        Assert.NotNull(end["failure"]?.GetValue<string>());

        string text = RunCli("run", "bug-b5-panic", "--seed", "1", "--seek", "1000000").Output;

        Assert.Contains($"stopped at its last step, {end["steps"]!.GetValue<int>()}\n", text, StringComparison.Ordinal);
        Assert.Contains($"result: stopped: {end["failure"]!.GetValue<string>()}\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("x")]
    [InlineData("2.5")]
    [InlineData("1000001")]
    [InlineData("99999999999")]
    public void ABadSeekNamesTheOptionAndTheRangeAndRunsNothing(string value)
    {
        var (exit, output, error) = RunCli("run", "random", "--seed", "3", "--seek", value);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"error: --seek must be a whole number from 0 to 1000000 (the run's step limit), got '{value}'", error.Trim());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("markdown")]
    public void SeekWithAWholeRunFormatIsRefused(string format)
    {
        var (exit, output, error) = RunCli("run", "random", "--seek", "3", "--format", format);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"error: --seek prints the state at one step as --format text or json; --format {format} reports a whole run", error.Trim());
    }

    [Fact]
    public void TheHelpNamesSeek()
    {
        Assert.Contains("[--seek N]", RunCli("--help").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AReplayStopsAtTheSameStepWithTheSameStateAsTheRunItRecorded()
    {
        string trace = Path.Combine(Path.GetTempPath(), $"bufferlab-{Guid.NewGuid():N}.yaml");
        Assert.Equal(0, RunCli("run", "keep-overload", "--seed", "4", "--record", trace).Exit);

        var (exit, replayed, _) = RunCli("replay", trace, "--seek", "200", "--format", "json");
        string recorded = RunCli("run", "keep-overload", "--seed", "4", "--seek", "200", "--format", "json").Output;

        Assert.Equal(0, exit);
        Assert.Equal(200, Json(replayed)["seek"]!["step"]!.GetValue<int>());
        Assert.Equal(Json(recorded)["eventLogSha256"]!.GetValue<string>(), Json(replayed)["eventLogSha256"]!.GetValue<string>());
        File.Delete(trace);
    }
}
