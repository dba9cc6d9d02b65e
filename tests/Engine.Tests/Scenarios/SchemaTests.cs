using System.Text.Json;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.StratumV2;

namespace BufferLab.Simulator.Engine.Tests.Scenarios;

/// <summary>
/// scenarios/scenario.schema.json names exactly the fields the loader reads, system by system and
/// phase kind by phase kind. (No JSON Schema validator restores here; the presets were checked
/// against the schema with Python's jsonschema, as docs/scenarios.md says.)
/// </summary>
public class SchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFiles.RepoRoot, "scenarios", "scenario.schema.json"))).RootElement;

    public static TheoryData<string, string[], string[][]> Systems => new()
    {
        { "stratum-v2", Sv2ScenarioReader.OptionKeys, [Sv2ScenarioReader.OpsKeys, Sv2ScenarioReader.OpenKeys] },
        { "keep", KeepScenarioReader.OptionKeys, [KeepScenarioReader.ClosedKeys, KeepScenarioReader.OpenKeys, KeepScenarioReader.OpsKeys] },
        { "filestore", FilestoreScenarioReader.OptionKeys, [FilestoreScenarioReader.ClosedKeys, FilestoreScenarioReader.OpsKeys] },
        { "fuse", FuseScenarioReader.OptionKeys, [FuseScenarioReader.ClosedKeys, FuseScenarioReader.OpsKeys] },
    };

    private static string[] Keys(JsonElement objectSchema) => [.. objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order()];

    [Theory]
    [MemberData(nameof(Systems))]
    public void TheSchemaNamesTheFieldsTheLoaderReads(string system, string[] options, string[][] phases)
    {
        JsonElement then = Schema.GetProperty("allOf").EnumerateArray()
            .Single(c => c.GetProperty("if").GetProperty("properties").GetProperty("system").GetProperty("const").GetString() == system)
            .GetProperty("then").GetProperty("properties");
        Assert.Equal(options.Order(), Keys(then.GetProperty("options")));
        string[][] schemaPhases = [.. then.GetProperty("phases").GetProperty("items").GetProperty("oneOf").EnumerateArray().Select(Keys)];
        Assert.Equal(phases.Select(p => string.Join(",", p.Order())).Order(), schemaPhases.Select(p => string.Join(",", p)).Order());
    }

    [Fact]
    public void TheSchemaNamesTheTopLevelFields() =>
        Assert.Equal(["description", "documented", "name", "options", "phases", "seed", "system", "title", "trace"], Keys(Schema));
}
