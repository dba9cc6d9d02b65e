using System.Text.Json;
using static BufferLab.Simulator.Engine.Tests.Cli.CliRunner;

namespace BufferLab.Simulator.Engine.Tests.Cli;

public class CliTests
{
    private static string TempScript(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"bufferlab-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ReplayOfAMalformedLineFailsWithExitCode2NamingTheLineAndPrintsNothing()
    {
        string file = TempScript("# script a cap=40\n+1:5 | x\n+2:5:7 | y\n");
        var (exit, output, error) = RunCli("sv2", "replay", file);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"error: {file}: line 3: '+2:5:7'", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void ReplayOfADropOfADeadSliceFailsNamingTheLine()
    {
        string file = TempScript("# script a cap=40\n+1:5\n-1\n-1\n");
        var (exit, _, error) = RunCli("sv2", "replay", file);

        Assert.Equal(2, exit);
        Assert.Contains("line 4: '-1': slice 1 is not live", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayWithTheFixedVariantPrintsTheSameFormat()
    {
        string file = TempScript("# script b4 cap=40\n" + string.Join('\n', "+1:5 +2:5 +3:5 +4:5 +5:5 +6:5 +7:5 +8:5 -1,2,3 +9:5 +10:5 +11:2 -10,11 +12:9 -4,5,6,7,8 +13:5".Split(' ')));
        var (exit, output, _) = RunCli("sv2", "replay", file, "--variant", "fixed");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("CORRUPT", output, StringComparison.Ordinal);
        Assert.Contains("+13:5 | 9,12,-,13,-,-,-,- B ss=d0 m=4 r=20+0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RunPrintsAJsonReportWithSeedStepsMetricsAndLogHash()
    {
        var (exit, output, _) = RunCli("run", "readme-case3", "--seed", "7", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("readme-case3", root.GetProperty("scenario").GetString());
        Assert.Equal("7", root.GetProperty("seed").GetString());
        Assert.Equal(14, root.GetProperty("steps").GetInt32());
        Assert.StartsWith("9a3456bc BACK MODE", root.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(12, root.GetProperty("metrics").GetProperty("sv2.messages.pool").GetDouble());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("eventLogSha256").GetString()!);
    }

    [Fact]
    public void RunWithoutASeedPicksOneAndPrintsIt()
    {
        var (exit, output, _) = RunCli("run", "random");

        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^seed: \d+$", output);
    }

    [Fact]
    public void RunWritesTheEventLogAsJsonLines()
    {
        string log = Path.Combine(Path.GetTempPath(), $"bufferlab-{Guid.NewGuid():N}.jsonl");
        var (exit, _, _) = RunCli("run", "bug-b4-overlap", "--seed", "1", "--log", log);

        Assert.Equal(0, exit);
        string[] lines = File.ReadAllLines(log);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.Contains(lines, l => l.Contains("\"event\":\"InvariantViolated\",\"kind\":\"Corrupt\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "run", "no-such-scenario" }, "'no-such-scenario' is neither a preset")]
    [InlineData(new[] { "run", "random", "--seed", "-1" }, "--seed must be a whole number")]
    [InlineData(new[] { "run", "random", "--format", "xml" }, "option '--format' must be one of text, json")]
    [InlineData(new[] { "run", "random", "--bogus", "1" }, "unknown option '--bogus'")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [InlineData(new[] { "sv2", "replay" }, "usage: sv2 replay FILE")]
    public void BadArgumentsExitWith2AndOneLine(string[] args, string message)
    {
        var (exit, output, error) = RunCli(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void PresetsListsTheStratumScenarios()
    {
        var (exit, output, _) = RunCli("presets");

        Assert.Equal(0, exit);
        foreach (string name in new[] { "readme-case1", "readme-case2", "readme-case3", "example-exhaustion", "example-variable-sized", "bug-b1-stuck-alloc", "bug-b5-panic", "random" })
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("current", 400)]
    [InlineData("legacy", 500)] // configuration order: the block stored on the second volume is first looked for on the first
    [InlineData("coalescing", 4)]
    public void RunAKeepPresetInEachModeReportsKeepstoresFiguresAsJson(string mode, int volumeReads)
    {
        var (exit, output, _) = RunCli("run", "keep-job-start-herd", "--seed", "1", "--mode", mode, "--format", "json");

        Assert.Equal(0, exit);
        JsonElement metrics = JsonDocument.Parse(output).RootElement.GetProperty("metrics");
        Assert.Equal(400, metrics.GetProperty("requests").GetInt32());
        Assert.Equal(volumeReads, metrics.GetProperty("volumeReads").GetInt32());
        Assert.Equal(400, metrics.GetProperty("responses").GetProperty("200").GetInt32());
        Assert.Equal(400L << 20, metrics.GetProperty("bytesServed").GetInt64());
        Assert.True(metrics.GetProperty("bytesFromVolumes").GetInt64() > 0);
        Assert.True(metrics.GetProperty("peakBuffersInUse").GetInt32() > 0);
        Assert.True(metrics.GetProperty("allocatedBytes").GetInt64() > 0);
    }

    [Fact]
    public void ModeIsCheckedAndOnlyAppliesToKeepScenarios()
    {
        Assert.Contains("mode must be 'current', 'legacy' or 'coalescing', got 'fast'", RunCli("run", "keep-zipf", "--mode", "fast").Error, StringComparison.Ordinal);
        Assert.Contains("mode applies to keep and fuse scenarios; 'readme-case1' is a stratum-v2 scenario", RunCli("run", "readme-case1", "--mode", "legacy").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("std", "12")]
    [InlineData("mmap", "10")]
    public void RunAFilestorePresetWithEachReaderReportsMeasuredMemoryAndStatuses(string reader, string pastTheEnd)
    {
        var (exit, output, _) = RunCli("run", "filestore-truncated-file", "--seed", "1", "--reader", reader, "--format", "json");

        Assert.Equal(0, exit);
        JsonElement metrics = JsonDocument.Parse(output).RootElement.GetProperty("metrics");
        Assert.Equal(612, metrics.GetProperty("blocksRead").GetInt32());
        Assert.Equal(612L * 262_144 - metrics.GetProperty("statusCounts").EnumerateObject().Where(p => p.Name != "0").Sum(p => p.Value.GetInt32()) * 262_144L, metrics.GetProperty("bytesRead").GetInt64());
        Assert.True(metrics.GetProperty("statusCounts").GetProperty(pastTheEnd).GetInt32() > 200);
        foreach (string field in new[] { "peakRssFileBytes", "peakRssAnonBytes", "peakFileResidentBytes", "readLatencyP50Us", "readLatencyP99Us" })
        {
            Assert.True(metrics.GetProperty(field).GetDouble() > 0, field);
        }
    }

    [Theory]
    [InlineData("vectored", 0)]
    [InlineData("contiguous-large", 33_554_432)]
    public void RunAFusePresetInEachModeReportsCopiesAndAllocations(string mode, long copied)
    {
        var (exit, output, _) = RunCli("run", "fuse-large-write-4m", "--seed", "1", "--mode", mode, "--format", "json");

        Assert.Equal(0, exit);
        JsonElement metrics = JsonDocument.Parse(output).RootElement.GetProperty("metrics");
        Assert.Equal(8, metrics.GetProperty("ops").GetInt32());
        Assert.Equal(33_554_432, metrics.GetProperty("bytesServed").GetInt64());
        Assert.Equal(copied, metrics.GetProperty("bytesCopied").GetInt64());
        Assert.Equal(1024, metrics.GetProperty("maxPagesNegotiated").GetInt32());
        Assert.Equal(0, metrics.GetProperty("errors").GetInt32());
        Assert.True(metrics.GetProperty("heapBytesAllocated").GetInt64() > 0);
        Assert.True(metrics.GetProperty("blocksFreshlyAllocated").GetInt32() > 0);
        Assert.True(metrics.GetProperty("poolOverflows").GetInt32() >= 0);
    }

    [Fact]
    public void FusesMountOptionsAreTheCatalogueChoicesAsThePageAndHubNameThem()
    {
        string dir = Path.Combine(Path.GetTempPath(), "bufferlab-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string log = Path.Combine(dir, "events.jsonl");

        var (exit, _, _) = RunCli("run", "fuse-seq-read-1m", "--seed", "1", "--mode", "vectored", "--maxmsg", "2", "--log", log);

        Assert.Equal(0, exit);
        Assert.Contains("\"inMessageBytes\":2101248", File.ReadLines(log).First(l => l.Contains("InitNegotiated", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("maxmsg applies to fuse scenarios; 'random' is a stratum-v2 scenario", RunCli("run", "random", "--maxmsg", "2").Error, StringComparison.Ordinal);
        Assert.Contains("maxmsg must be a whole number of MiB from 0 to 16", RunCli("run", "fuse-seq-read-1m", "--maxmsg", "lots").Error, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }
}
