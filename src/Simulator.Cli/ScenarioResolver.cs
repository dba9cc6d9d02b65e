using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulations.StratumV2;

namespace BufferLab.Simulator.Cli;

/// <summary>
/// Turns `NAME|FILE` into a scenario file: a preset by name, a YAML scenario file, or a script in
/// the vectors' format (turned into the YAML it stands for). Options that pick a mode, a reader or
/// a variant are written into the file's text, so the text always says exactly what runs.
/// </summary>
public static class ScenarioResolver
{
    public static ScenarioDocument Resolve(string nameOrFile)
    {
        if (ScenarioCatalog.FindDocument(nameOrFile) is { } preset)
        {
            return preset;
        }

        if (!File.Exists(nameOrFile))
        {
            throw new CliException($"'{nameOrFile}' is neither a preset (see 'presets') nor a file");
        }

        string extension = Path.GetExtension(nameOrFile).ToLowerInvariant();
        return extension is ".yaml" or ".yml" ? Load(nameOrFile) : FromScript(nameOrFile);
    }

    /// <summary>Parses a YAML scenario file; every problem becomes one line of the error.</summary>
    public static ScenarioDocument Load(string path)
    {
        try
        {
            return ScenarioFile.Load(path);
        }
        catch (ScenarioFileException e)
        {
            throw new CliException(string.Join('\n', e.Problems), isProblemList: true);
        }
    }

    /// <summary>Parses <paramref name="text"/> as the file <paramref name="fileName"/>; every problem becomes one line of the error.</summary>
    public static ScenarioDocument Parse(string text, string fileName)
    {
        (ScenarioDocument? document, IReadOnlyList<ScenarioProblem> problems) = ScenarioFile.TryParse(text, fileName);
        return document ?? throw new CliException(string.Join('\n', problems), isProblemList: true);
    }

    /// <summary>The document with <paramref name="path"/> set to <paramref name="value"/>, validated again.</summary>
    public static ScenarioDocument With(ScenarioDocument document, string path, string value)
    {
        try
        {
            return Parse(ScenarioText.Set(document.Text, path, value), document.FileName);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{document.FileName}: {e.Message}");
        }
    }

    private static ScenarioDocument FromScript(string path)
    {
        IReadOnlyList<Sv2Script> scripts = Sv2ReplayCommand.Load(path);
        if (scripts.Count != 1)
        {
            throw new CliException($"{path}: holds {scripts.Count} '# script' blocks; run takes exactly one (use 'sv2 replay' for many)");
        }

        Sv2Script script = scripts[0];
        var ops = new Sv2OpString(script.Name.ToLowerInvariant().Replace('_', '-'), null, $"script from {Path.GetFileName(path)}", script.Capacity, string.Join(' ', script.Ops));
        return Parse(ops.ToFile(), path);
    }
}
