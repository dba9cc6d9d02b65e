using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Tests.Scenarios;

public class ScenarioTextTests
{
    private const string Text = "# a comment that stays\nname: k\ndescription: d\nsystem: keep\noptions:\n  mode: current   # why\nphases:\n  - load: closed\n    clients: 2\n";

    [Fact]
    public void SettingAValueKeepsEveryOtherCharacter()
    {
        string edited = ScenarioText.Set(Text, "options.mode", "coalescing");
        Assert.Equal(Text.Replace("mode: current", "mode: coalescing", StringComparison.Ordinal), edited);
    }

    [Fact]
    public void AMissingKeyIsAddedWithItsMappingsIndentation()
    {
        string edited = ScenarioText.Set(ScenarioText.Set(Text, "options.maxBuffers", "8"), "phases[0].thinkMs", "20");
        var scenario = (KeepScenario)ScenarioFile.Parse(edited, "k.yaml").Scenario;
        Assert.Equal(8, scenario.Config.MaxBuffers);
        Assert.Equal(20, scenario.Phases[0].ThinkMs);
        Assert.Contains("# a comment that stays", edited, StringComparison.Ordinal);
        Assert.Contains("mode: current   # why", edited, StringComparison.Ordinal);
    }

    [Fact]
    public void FlowMappingsAndMissingSectionsCanBeSet()
    {
        string flow = "name: k\ndescription: d\nsystem: keep\noptions: { mode: legacy }\nphases: [{ load: closed, clients: 2 }]\n";
        var scenario = (KeepScenario)ScenarioFile.Parse(ScenarioText.Set(ScenarioText.Set(flow, "options.blocks", "9"), "phases[0].clients", "5"), "k.yaml").Scenario;
        Assert.Equal(9, scenario.Blocks);
        Assert.Equal(5, scenario.Phases[0].Clients);

        string bare = "name: k\ndescription: d\nsystem: keep\nphases:\n  - load: closed\n    clients: 2\n";
        Assert.Equal(3, ((KeepScenario)ScenarioFile.Parse(ScenarioText.Set(bare, "options.volumes", "3"), "k.yaml").Scenario).Config.Volumes);
    }

    [Theory]
    [InlineData("phases[3].clients", "'phases[3]' does not exist")]
    [InlineData("options", "'options' holds a mapping; only single values can be set")]
    [InlineData("options..mode", "'options..mode' is not a field path such as options.maxBuffers or phases[0].clients")]
    public void BadPathsSayWhy(string path, string message) =>
        Assert.StartsWith(message, Assert.Throws<ArgumentException>(() => ScenarioText.Set(Text, path, "1")).Message, StringComparison.Ordinal);

    [Fact]
    public void SeedsAndValuesWithSpacesAreWrittenSafely()
    {
        string edited = ScenarioText.Set(ScenarioText.WithSeed(Text, 42), "description", "two words: and a colon");
        ScenarioDocument document = ScenarioFile.Parse(edited, "k.yaml");
        Assert.Equal(42UL, document.Seed);
        Assert.Equal("two words: and a colon", document.Scenario.Description);
    }

    [Fact]
    public void ANewTraceReplacesTheOldOne()
    {
        var entries = new[] { new TraceEntry(TimeSpan.Zero, "phases", "phase0") };
        string once = ScenarioText.WithTrace(Text, 1, entries);
        Assert.Equal(once, ScenarioText.WithTrace(once, 1, entries));
    }
}
