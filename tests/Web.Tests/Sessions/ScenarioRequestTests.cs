using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulations.StratumV2;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Sessions;

/// <summary>Requests that name a library file or carry a scenario file's text.</summary>
public sealed class ScenarioRequestTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public void ALibraryIdResolvesToItsFileWithItsSeedAndTheModeAsked()
    {
        string id = _registry.Library.Add(ScenarioTexts.KeepZipf(8, seed: 42), "mine.yaml").Id!;

        ResolvedScenario resolved = new ScenarioRequest(id.ToUpperInvariant()).With("mode", "coalescing").Resolve(_registry.Library);

        var keep = Assert.IsType<KeepScenario>(resolved.Scenario);
        Assert.Equal(8, keep.Config.MaxBuffers);
        Assert.Equal(KeepServerMode.Coalescing, keep.Config.Mode);
        Assert.Equal((id, 42UL), (resolved.Key, resolved.FileSeed));
    }

    [Fact]
    public void ASessionTakesTheFilesSeedWhenTheRequestGivesNone()
    {
        string id = _registry.Library.Add(ScenarioTexts.KeepZipf(8, seed: 42), "mine.yaml").Id!;

        SimulationSession fromFile = _registry.Open("alice", new ScenarioRequest(id), seed: null);
        SimulationSession given = _registry.Open("alice", new ScenarioRequest(id), seed: 5);
        SimulationSession preset = _registry.Open("alice", new ScenarioRequest("keep-zipf"), seed: null, defaultSeed: () => 77);

        Assert.Equal((42UL, id), (fromFile.Seed, fromFile.ScenarioKey));
        Assert.Equal(5UL, given.Seed);
        Assert.Equal((77UL, "keep-zipf"), (preset.Seed, preset.ScenarioKey));
    }

    [Fact]
    public void AnIdTheLibraryDoesNotHoldIsRefusedWithWhatToDo()
    {
        var error = Assert.Throws<SessionRequestException>(() => _registry.Open("alice", new ScenarioRequest("u-0123456789"), 1));

        Assert.Contains("scenario 'u-0123456789' is not in this server's library", error.Message, StringComparison.Ordinal);
        Assert.Contains("Scenarios page", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _registry.Count);
    }

    [Fact]
    public void YamlTextRunsWithItsOwnSeedAndIsNotKept()
    {
        SimulationSession session = _registry.Open("alice", new ScenarioRequest(null, Yaml: ScenarioTexts.KeepZipf(8, seed: 9)), seed: null);

        Assert.Equal(9UL, session.Seed);
        Assert.Equal(8, ((KeepScenario)session.Scenario).Config.MaxBuffers);
        Assert.Equal(0, _registry.Library.Count);
    }

    [Fact]
    public void BadYamlIsRefusedWithEveryProblemByLineAndColumnAndNothingOpens()
    {
        var error = Assert.Throws<SessionRequestException>(() => _registry.Open("alice", new ScenarioRequest(null, Yaml: ScenarioTexts.BrokenKeep()), 1));

        string[] lines = error.Message.Split('\n');
        Assert.Equal("the scenario file has 2 problems:", lines[0]);
        Assert.StartsWith("line 8, column 9: options.mode: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("line 10, column 15: options.maxBuffers: ", lines[2], StringComparison.Ordinal);
        Assert.Equal(0, _registry.Count);
    }

    [Theory]
    [InlineData("keep-zipf", null)]
    [InlineData(null, "+1:5")]
    public void YamlTogetherWithANameOrOpsIsAmbiguous(string? scenario, string? ops)
    {
        var error = Assert.Throws<SessionRequestException>(() => new ScenarioRequest(scenario, ops, Yaml: ScenarioTexts.Preset("keep-zipf")).Resolve());

        Assert.Contains("one of them", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHubsMessageSizeInBytesReachesTheScenarioExactly()
    {
        ResolvedScenario resolved = ScenarioRequest.From(new OpenRequest("fuse-large-write-4m", Mode: "vectored", MaxMessageSize: 1536u << 10)).Resolve();

        Assert.Equal(1536u << 10, Assert.IsType<FuseScenario>(resolved.Scenario).MaxMessageSize);
    }

    [Fact]
    public void AHubChoiceThatTheSystemDoesNotTakeIsRefusedNamingWhoTakesIt()
    {
        var error = Assert.Throws<SessionRequestException>(() => ScenarioRequest.From(new OpenRequest("readme-case3", PageSize: 65536)).Resolve());

        Assert.Equal("page applies to fuse scenarios; 'readme-case3' is a stratum-v2 scenario", error.Message);
    }

    [Fact]
    public void AnOpStringIsResolvedWithTheFileThatRunsIt()
    {
        ResolvedScenario resolved = new ScenarioRequest(null, " +1:5 -1 ", 80).Resolve();

        (ScenarioDocument? file, _) = ScenarioFile.TryParse(resolved.Text, "custom.yaml");
        var written = Assert.IsType<Sv2Scenario>(file!.Scenario);
        var ran = Assert.IsType<Sv2Scenario>(resolved.Scenario);
        Assert.Equal((80, ran.Ops!.Count), (written.Capacity, written.Ops!.Count));
        Assert.Equal(("custom", 80), (ran.Name, ran.Capacity));
    }

    public void Dispose() => _registry.Dispose();
}
