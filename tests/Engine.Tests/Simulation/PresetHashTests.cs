using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.StratumV2;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.StratumV2;

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
            foreach (string mode in ScenarioModes.ModesOf(preset))
            {
                yield return (preset.Name, $"mode={mode}", ScenarioModes.WithMode(preset, mode));
            }

            foreach (string reader in ScenarioModes.ReadersOf(preset))
            {
                yield return (preset.Name, $"reader={reader}", ScenarioModes.WithReader(preset, reader));
            }

            if (preset is Sv2Scenario sv2)
            {
                yield return (preset.Name, "variant=fixed", sv2 with { Variant = Sv2Variant.Fixed });
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
