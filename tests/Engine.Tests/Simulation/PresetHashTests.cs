using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Tests.Simulation;

/// <summary>
/// Pins the event-log hash of every preset at seed 1, in every mode, reader and variant it runs
/// in (<c>preset-hashes.txt</c>), so a change that means to keep behaviour (a restructuring) is
/// proven to keep it byte for byte. A change that means to alter behaviour rewrites the file on
/// purpose: <c>BUFFERLAB_WRITE_PRESET_HASHES=1 dotnet test --filter PresetHashTests</c>, and the
/// diff shows which runs changed.
/// </summary>
public sealed class PresetHashTests
{
    private static string PinnedFile => Path.Combine(SharedFiles.RepoRoot, "tests", "Engine.Tests", "Simulation", "preset-hashes.txt");

    [Fact]
    public void EveryPresetInEveryChoiceKeepsItsEventLogHash()
    {
        string actual = string.Concat(Runs().Select(r => $"{r.Name} {r.Choice} {Hash(r.Scenario)}\n"));
        if (Environment.GetEnvironmentVariable("BUFFERLAB_WRITE_PRESET_HASHES") == "1")
        {
            File.WriteAllText(PinnedFile, actual);
        }

        Assert.Equal(File.ReadAllText(PinnedFile), actual);
    }

    private static IEnumerable<(string Name, string Choice, IScenario Scenario)> Runs()
    {
        foreach (IScenario preset in ScenarioCatalog.All)
        {
            yield return (preset.Name, "default", preset);
            foreach ((string label, IScenario alternative) in SystemCatalog.Of(preset).Alternatives(preset))
            {
                yield return (preset.Name, label, alternative);
            }
        }
    }

    private static string Hash(IScenario scenario)
    {
        using var run = new Run(scenario, 1);
        run.RunToEnd();
        return run.Events.Sha256();
    }
}
