using System.Text.Json;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;

using static BufferLab.Simulator.Engine.Tests.Cli.CliRunner;

namespace BufferLab.Simulator.Engine.Tests.Cli;

/// <summary>validate, run with scenario files, record and replay, sweep: through the CLI's own entry point.</summary>
public class ScenarioCliTests
{
    private static string Temp(string text, string extension = ".yaml")
    {
        string path = Path.Combine(Path.GetTempPath(), $"bufferlab-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text);
        return path;
    }

    private static string Preset(string name) => Path.Combine(SharedFiles.RepoRoot, "scenarios", name + ".yaml");

    private static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement;

    [Fact]
    public void ValidateSaysOkPerFileAndListsEveryProblemWithExitCode2()
    {
        var (exit, output, _) = RunCli("validate", Preset("keep-zipf"), Preset("random"));
        Assert.Equal(0, exit);
        Assert.Equal([$"{Preset("keep-zipf")}: ok (keep-zipf, keep)", $"{Preset("random")}: ok (random, stratum-v2)"], output.TrimEnd().Split('\n'));

        string bad = Temp("name: b\ndescription: d\nsystem: keep\noptions:\n  scale: 3\nphases:\n  - load: closed\n    clients: 0\n");
        (exit, output, string error) = RunCli("validate", bad);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal([$"{bad}:5:10: options.scale: must be a power of two from 1 to 65536, got 3", $"{bad}:8:14: phases[0].clients: must be from 1 to 10000, got 0"], error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void ABadFileRunsNothingAndWritesNoTrace()
    {
        string bad = Temp("name: b\ndescription: d\nsystem: fuse\nphases:\n  - ops: r0:1MiB+q\n");
        string trace = Path.Combine(Path.GetTempPath(), $"bufferlab-{Guid.NewGuid():N}.yaml");
        var (exit, output, error) = RunCli("run", bad, "--record", trace);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"{bad}:5:10: phases[0].ops: 'r0:1MiB+q': unknown or repeated flag '+q'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(trace));
    }

    [Fact]
    public void AFileRunsWithItsOwnSeedUnlessOneIsGiven()
    {
        string seeded = Temp(ScenarioText.WithSeed(File.ReadAllText(Preset("random")), 99));
        Assert.Equal("99", Json(RunCli("run", seeded, "--format", "json").Output).GetProperty("seed").GetString());
        Assert.Equal("5", Json(RunCli("run", seeded, "--format", "json", "--seed", "5").Output).GetProperty("seed").GetString());
    }

    [Fact]
    public void ARecordedRunReplaysToTheSameEventLogHash()
    {
        string trace = Path.Combine(Path.GetTempPath(), $"bufferlab-{Guid.NewGuid():N}.yaml");
        JsonElement original = Json(RunCli("run", "keep-overload", "--seed", "4", "--mode", "coalescing", "--format", "json", "--record", trace).Output);
        Assert.Contains("  mode: coalescing", File.ReadAllText(trace), StringComparison.Ordinal);

        JsonElement replayed = Json(RunCli("replay", trace, "--format", "json").Output);
        Assert.Equal(original.GetProperty("eventLogSha256").GetString(), replayed.GetProperty("eventLogSha256").GetString());
        Assert.Equal(original.GetProperty("steps").GetInt32(), replayed.GetProperty("steps").GetInt32());

        var (exit, _, error) = RunCli("replay", Preset("keep-overload"));
        Assert.Equal(2, exit);
        Assert.Contains("has no 'trace:' section", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SweepRowsEqualSingleRunsOfTheSameValues()
    {
        var (exit, output, _) = RunCli("sweep", "keep-job-start-herd", "--set", "options.mode=current,coalescing", "--set", "options.maxBuffers=8,64", "--seed", "3", "--format", "json");
        Assert.Equal(0, exit);
        JsonElement sweep = Json(output);
        Assert.Equal("3", sweep.GetProperty("seed").GetString());
        JsonElement[] rows = [.. sweep.GetProperty("runs").EnumerateArray()];
        Assert.Equal(4, rows.Length);
        ScenarioDocument preset = ScenarioCatalog.FindDocument("keep-job-start-herd")!;
        foreach (JsonElement row in rows)
        {
            string mode = row.GetProperty("options.mode").GetString()!, buffers = row.GetProperty("options.maxBuffers").GetString()!;
            string text = ScenarioText.Set(ScenarioText.Set(preset.Text, "options.mode", mode), "options.maxBuffers", buffers);
            using var single = new Run(ScenarioFile.Parse(text, "x.yaml").Scenario, 3);
            single.RunToEnd();
            Assert.Equal(single.Events.Sha256(), row.GetProperty("sha256").GetString());
            Assert.Equal(single.Step.ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("steps").GetString());
        }

        // current mode differs with the buffers; coalescing shares one buffer per block, so its two rows are one run
        Assert.Equal(3, rows.Select(r => r.GetProperty("sha256").GetString()).Distinct().Count());
    }

    [Fact]
    public void ASweepWithABadValueRunsNothing()
    {
        var (exit, output, error) = RunCli("sweep", "keep-zipf", "--set", "options.maxBuffers=8,0");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("options.maxBuffers: (API.MaxKeepBlobBuffers) must be from 1 to 4096, got 0", error, StringComparison.Ordinal);
        Assert.Contains("at most 256", RunCli("sweep", "random", "--set", $"phases[0].messages={string.Join(',', Enumerable.Range(1, 257))}").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvHasARowPerStepWithWhatTheChartsPlotAndMarkdownSummarises()
    {
        string csv = RunCli("run", "readme-case3", "--seed", "1", "--format", "csv").Output;
        string[] lines = csv.TrimEnd().Split('\n');
        Assert.StartsWith("step,time_us,sv2.messages.pool,", lines[0], StringComparison.Ordinal);
        Assert.Equal(16, lines.Length); // the header, step 0 and a row after each of the 14 ops
        using var run = new Run(ScenarioCatalog.Find("readme-case3")!, 1);
        MetricSamples samples = MetricSamples.Collect(run);
        Assert.Equal(samples.ToCsv(), csv);
        Assert.Equal(run.Step, int.Parse(lines[^1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));

        string markdown = RunCli("run", "readme-case3", "--seed", "1", "--format", "markdown").Output;
        Assert.StartsWith("# README Case 3: Back → Front → Back", markdown, StringComparison.Ordinal);
        Assert.Contains($"sha256 `{run.Events.Sha256()}`", markdown, StringComparison.Ordinal);
        Assert.Contains("Run it again: `Simulator.Cli run scenarios/readme-case3.yaml --seed 1`", markdown, StringComparison.Ordinal);
    }
}
