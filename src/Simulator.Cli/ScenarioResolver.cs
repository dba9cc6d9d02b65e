using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.StratumV2;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Cli;

/// <summary>Turns `NAME|FILE` into a scenario: a preset by name, else a script file in the vectors' format.</summary>
public static class ScenarioResolver
{
    public static IScenario Resolve(string nameOrFile)
    {
        if (ScenarioCatalog.Find(nameOrFile) is { } preset)
        {
            return preset;
        }

        if (!File.Exists(nameOrFile))
        {
            throw new CliException($"'{nameOrFile}' is neither a preset (see 'presets') nor a file");
        }

        try
        {
            using var reader = new StreamReader(nameOrFile);
            IReadOnlyList<Sv2Script> scripts = Sv2ScriptFile.Parse(reader);
            if (scripts.Count != 1)
            {
                throw new CliException($"{nameOrFile}: holds {scripts.Count} '# script' blocks; run takes exactly one (use 'sv2 replay' for many)");
            }

            Sv2Script script = scripts[0];
            return Sv2Scenario.Scripted(script.Name, script.Name, $"script from {Path.GetFileName(nameOrFile)}", script.Capacity, script.Ops);
        }
        catch (Sv2ParseException e)
        {
            throw new CliException($"{nameOrFile}: {e.Message}");
        }
        catch (IOException e)
        {
            throw new CliException($"{nameOrFile}: cannot read: {e.Message}");
        }
    }
}
