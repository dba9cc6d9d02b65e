using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BufferLab.Simulator.Engine.Scenarios.Files;

/// <summary>A parsed scenario file's node tree and the problems found in it so far, each placed at the node it is about.</summary>
internal sealed class ScenarioYaml
{
    private readonly List<ScenarioProblem> _problems = [];

    private ScenarioYaml(string fileName, YamlNode? root)
    {
        FileName = fileName;
        Root = root;
    }

    public string FileName { get; }

    public YamlNode? Root { get; }

    public IReadOnlyList<ScenarioProblem> Problems => _problems;

    /// <summary>Parses <paramref name="text"/> once it keeps <see cref="YamlBounds"/>; malformed YAML leaves <see cref="Root"/> null and one problem at the parser's position.</summary>
    public static ScenarioYaml Parse(string text, string fileName)
    {
        if (YamlBounds.Check(text, fileName) is { } tooBig)
        {
            var refused = new ScenarioYaml(fileName, null);
            refused._problems.Add(tooBig);
            return refused;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var broken = new ScenarioYaml(fileName, null);
            string message = (e.InnerException?.Message ?? e.Message).Trim();
            broken.Add(e.Start, "", $"malformed YAML: {message}", "check the indentation and quoting on this line and the one above");
            return broken;
        }

        return stream.Documents.Count switch
        {
            1 => new ScenarioYaml(fileName, stream.Documents[0].RootNode),
            0 => Empty(fileName),
            _ => Several(fileName, stream.Documents[1].RootNode),
        };
    }

    public void Add(YamlNode node, string path, string message, string? hint = null) => Add(node.Start, path, message, hint);

    public void Add(Mark at, string path, string message, string? hint = null) =>
        _problems.Add(new ScenarioProblem(FileName, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), path, message, hint));

    /// <summary>
    /// Places a problem found on the built scenario at the deepest node of <paramref name="path"/> the
    /// file has (a default value sits at its parent). A field that already has a problem gets no
    /// second one: its value was not read, so a range check on the stand-in would only mislead.
    /// </summary>
    public void AddAt(string path, string message, string? hint = null)
    {
        if (_problems.Any(p => p.Path == path))
        {
            return;
        }

        YamlNode? node = Root;
        if (node is null)
        {
            Add(Mark.Empty, path, message, hint);
            return;
        }

        foreach (string part in path.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            YamlNode? next = (node, part) switch
            {
                (YamlSequenceNode seq, _) when part.StartsWith('[') && int.TryParse(part.AsSpan(1, part.Length - 2), out int i) && i >= 0 && i < seq.Children.Count => seq.Children[i],
                (YamlMappingNode map, _) => map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && k.Value == part).Value,
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            node = next;
        }

        Add(node, path, message, hint);
    }

    private static ScenarioYaml Empty(string fileName)
    {
        var empty = new ScenarioYaml(fileName, null);
        empty.Add(Mark.Empty, "", "the file is empty", "start from a file in scenarios/, or see docs/scenarios.md");
        return empty;
    }

    private static ScenarioYaml Several(string fileName, YamlNode second)
    {
        var several = new ScenarioYaml(fileName, null);
        several.Add(second, "", "one scenario per file; this is a second YAML document", "remove the '---' line, or split the file");
        return several;
    }
}
