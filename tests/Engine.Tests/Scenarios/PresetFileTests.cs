using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations;

namespace BufferLab.Simulator.Engine.Tests.Scenarios;

/// <summary>The files in scenarios/ are the presets: each validates, is the one built in, and runs to its end.</summary>
public class PresetFileTests
{
    private static string[] FileNames => [.. Directory.GetFiles(Path.Combine(SharedFiles.RepoRoot, "scenarios"), "*.yaml").Select(p => Path.GetFileName(p)).Order()];

    public static TheoryData<string> Files => [.. FileNames];

    [Fact]
    public void ThereAreAtLeastFourPresetsPerSystemAndEveryFileIsBuiltIn()
    {
        Assert.All(SystemCatalog.Ids, system => Assert.True(ScenarioCatalog.All.Count(s => s.System == system) >= 4, system));
        Assert.Equal(FileNames, ScenarioCatalog.Documents.Select(d => d.Name + ".yaml").Order());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryPresetFileValidatesIsTheBuiltInOneAndRunsToItsEnd(string file)
    {
        string path = Path.Combine(SharedFiles.RepoRoot, "scenarios", file);
        ScenarioDocument document = ScenarioFile.Load(path);
        ScenarioDocument builtIn = ScenarioCatalog.FindDocument(document.Name)!;
        Assert.Equal(File.ReadAllText(path), builtIn.Text);

        using var run = new Run(document.Scenario, 1);
        run.RunToEnd();
        Assert.True(run.IsFinished, $"{file} stopped at the step limit");
        Assert.True(run.Step > 0);
        Assert.NotEmpty(run.Trace);
    }
}
