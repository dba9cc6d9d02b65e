using System.Globalization;
using System.Text.RegularExpressions;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations;
using YamlDotNet.RepresentationModel;

namespace BufferLab.Simulator.Engine.Scenarios.Files;

/// <summary>
/// Loads and validates scenario files (docs/scenarios.md; schema in scenarios/scenario.schema.json).
/// Every problem is reported at once, with file, line, column and field path; a file with any
/// problem yields no scenario, so nothing runs. The CLI, the dashboard and the hub all come here.
/// </summary>
public static partial class ScenarioFile
{
    /// <summary>Largest scenario file accepted (traces included).</summary>
    public const int MaxBytes = 16 << 20;

    private static readonly string[] CommonKeys = ["name", "title", "description", "system", "seed", "options", "phases", "trace"];

    /// <summary>The scenario in <paramref name="text"/>; throws <see cref="ScenarioFileException"/> with every problem.</summary>
    public static ScenarioDocument Parse(string text, string fileName)
    {
        (ScenarioDocument? document, IReadOnlyList<ScenarioProblem> problems) = TryParse(text, fileName);
        return document ?? throw new ScenarioFileException(problems);
    }

    /// <summary>Every problem in <paramref name="text"/>; empty when it can run.</summary>
    public static IReadOnlyList<ScenarioProblem> Validate(string text, string fileName) => TryParse(text, fileName).Problems;

    /// <summary>Reads and parses a file on disk; a path that is not a regular file of at most <see cref="MaxBytes"/> is one problem.</summary>
    public static ScenarioDocument Load(string path) => Parse(BoundedFile.ReadText(path, MaxBytes), path);

    public static (ScenarioDocument? Document, IReadOnlyList<ScenarioProblem> Problems) TryParse(string text, string fileName)
    {
        if (text.Length > MaxBytes)
        {
            return (null, [new ScenarioProblem(fileName, 1, 1, "", $"the text has {text.Length} characters; scenario files hold at most {MaxBytes}")]);
        }

        ScenarioYaml file = ScenarioYaml.Parse(text, fileName);
        if (file.Root is null)
        {
            return (null, file.Problems);
        }

        if (file.Root is not YamlMappingNode rootNode)
        {
            file.Add(file.Root, "", "a scenario file is a mapping of fields (name:, system:, options:, phases:)", "start from a file in scenarios/");
            return (null, file.Problems);
        }

        var root = new YamlMap(file, rootNode, "");
        ScenarioHeader? header = Header(root);
        ulong? seed = Seed(root);
        ISystemDefinition? system = root.Choice("system", SystemCatalog.Ids, required: true) is { } id ? SystemCatalog.Get(id) : null;
        WorkloadTrace? trace = Trace(root);
        IScenario? scenario = system?.Read(root, header, trace);
        root.Finish([.. CommonKeys, .. system?.FileKeys ?? []]);
        return file.Problems.Count > 0 || scenario is null
            ? (null, file.Problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToArray())
            : (new ScenarioDocument(scenario, seed, fileName, text) { IsTrace = trace is not null }, []);
    }

    private static ScenarioHeader? Header(YamlMap root)
    {
        string? name = root.Text("name", required: true, maxLength: 64);
        if (name is not null && !NamePattern().IsMatch(name))
        {
            root.Problem(root.Value("name")!, "name", $"must be lower-case letters, digits and dashes, got '{name}'", "as in keep-job-start-herd");
        }

        string? title = root.Text("title", maxLength: 200);
        string? description = root.Text("description", required: true, maxLength: 4000);
        return name is null || description is null ? null : new ScenarioHeader(name, title ?? name, description.Trim());
    }

    private static ulong? Seed(YamlMap root)
    {
        if (root.Value("seed") is not YamlScalarNode { Value: { } text } scalar)
        {
            return root.Has("seed") ? Invalid(root) : null;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed) ? seed : Invalid(root);

        static ulong? Invalid(YamlMap root)
        {
            root.Problem(root.Value("seed")!, "seed", $"must be a whole number from 0 to {ulong.MaxValue}", "leave it out for a random seed (the run prints the one it used)");
            return null;
        }
    }

    private static WorkloadTrace? Trace(YamlMap root)
    {
        if (root.Map("trace") is not { } map)
        {
            return null;
        }

        double scale = map.Number("timeScale") ?? 1;
        if (scale is < 0.001 or > 1000)
        {
            map.Problem(map.Value("timeScale")!, "timeScale", $"must be from 0.001 to 1000, got {scale}");
        }

        var entries = new List<TraceEntry>();
        foreach ((YamlNode node, string path) in map.Sequence("entries", required: true, maxItems: WorkloadTrace.MaxEntries) ?? [])
        {
            string? error = "must be a line 'MICROS ACTOR OP'";
            if (node is YamlScalarNode { Value: { } line } && TraceEntry.TryParse(line, out error) is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                root.File.Add(node, path, error!);
            }
        }

        map.Finish(["timeScale", "entries"]);
        return new WorkloadTrace(entries, scale);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NamePattern();
}
