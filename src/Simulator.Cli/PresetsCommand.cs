using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Cli;

/// <summary>`presets`: the built-in scenarios, one line each.</summary>
public static class PresetsCommand
{
    public static int Run(TextWriter output)
    {
        int width = ScenarioCatalog.All.Max(s => s.Name.Length);
        foreach (var scenario in ScenarioCatalog.All)
        {
            output.WriteLine($"{scenario.Name.PadRight(width)}  {scenario.System,-10}  {scenario.Description}");
        }

        return 0;
    }
}
