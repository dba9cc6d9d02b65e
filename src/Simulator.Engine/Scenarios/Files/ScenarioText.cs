using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BufferLab.Simulator.Engine.Simulation;
using YamlDotNet.RepresentationModel;

namespace BufferLab.Simulator.Engine.Scenarios.Files;

/// <summary>
/// Edits a scenario file's text in place (a value, the seed, a trace), keeping its comments and
/// layout so the result still reads and diffs as the file did. The text must parse as YAML; the
/// caller validates the result as a scenario.
/// </summary>
public static partial class ScenarioText
{
    /// <summary>JSON string quoting is YAML double-quoting; only quotes, backslashes and control characters need escapes.</summary>
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Sets the value at <paramref name="path"/> (`seed`, `options.maxBuffers`, `phases[0].clients`), adding the key when it is missing.</summary>
    public static string Set(string text, string path, string value)
    {
        string[] parts = path.Split('.');
        if (parts.Any(p => !PathPart().IsMatch(p)))
        {
            throw new ArgumentException($"'{path}' is not a field path such as options.maxBuffers or phases[0].clients", nameof(path));
        }

        YamlNode root = Root(text);
        YamlNode node = root;
        for (int i = 0; i < parts.Length; i++)
        {
            (string key, int? index) = Split(parts[i]);
            if (node is not YamlMappingNode map)
            {
                throw new ArgumentException($"'{string.Join('.', parts[..i])}' is not a mapping, so it has no '{key}'", nameof(path));
            }

            YamlNode? child = map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && k.Value == key).Value;
            if (child is null)
            {
                return index is null ? Insert(text, map, parts[i..], value) : throw new ArgumentException($"'{string.Join('.', parts[..(i + 1)])}' does not exist", nameof(path));
            }

            if (index is { } n)
            {
                child = child is YamlSequenceNode seq && n < seq.Children.Count ? seq.Children[n] : throw new ArgumentException($"'{string.Join('.', parts[..(i + 1)])}' does not exist", nameof(path));
            }

            node = child;
        }

        if (node is not YamlScalarNode)
        {
            throw new ArgumentException($"'{path}' holds a {(node is YamlSequenceNode ? "list" : "mapping")}; only single values can be set", nameof(path));
        }

        return string.Concat(text.AsSpan(0, (int)node.Start.Index), Scalar(value), text.AsSpan((int)node.End.Index));
    }

    /// <summary>The file with its seed set to <paramref name="seed"/>; a new `seed:` line goes right under `system:`, where people look for it.</summary>
    public static string WithSeed(string text, ulong seed)
    {
        string value = seed.ToString(CultureInfo.InvariantCulture);
        if (Root(text) is YamlMappingNode map && map.Style != YamlDotNet.Core.Events.MappingStyle.Flow
            && !map.Children.Keys.Any(k => k is YamlScalarNode { Value: "seed" })
            && map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "system" }).Value is YamlScalarNode system
            && text.IndexOf('\n', (int)system.End.Index) is int lineEnd and >= 0)
        {
            return string.Concat(text.AsSpan(0, lineEnd + 1), $"seed: {value}\n", text.AsSpan(lineEnd + 1));
        }

        return Set(text, "seed", value);
    }

    /// <summary>The file as a trace: its seed set and a `trace:` section (replacing any) holding <paramref name="entries"/>.</summary>
    public static string WithTrace(string text, ulong seed, IEnumerable<TraceEntry> entries, double timeScale = 1)
    {
        text = WithoutTrace(WithSeed(text, seed));
        var trace = new StringBuilder(text.TrimEnd());
        trace.Append('\n').Append(TraceComment).Append("\ntrace:\n");
        trace.Append(CultureInfo.InvariantCulture, $"  timeScale: {timeScale.ToString("R", CultureInfo.InvariantCulture)}\n  entries:\n");
        foreach (TraceEntry entry in entries)
        {
            trace.Append("    - ").Append(Scalar(entry.ToString())).Append('\n');
        }

        return trace.ToString();
    }

    /// <summary>The text without its `trace:` section (and the comment <see cref="WithTrace"/> puts above it).</summary>
    private static string WithoutTrace(string text)
    {
        if (Root(text) is not YamlMappingNode map)
        {
            return text;
        }

        var keys = map.Children.Keys.ToList();
        int at = keys.FindIndex(k => k is YamlScalarNode { Value: "trace" });
        if (at < 0)
        {
            return text;
        }

        int start = (int)keys[at].Start.Index;
        int end = at + 1 < keys.Count ? (int)keys[at + 1].Start.Index : text.Length;
        string before = text[..start];
        if (before.TrimEnd().EndsWith(TraceComment, StringComparison.Ordinal))
        {
            before = before.TrimEnd()[..^TraceComment.Length];
        }

        return before + text[end..];
    }

    /// <summary>A value as YAML writes it: plain when it can be, else double-quoted.</summary>
    public static string Scalar(string value) => PlainValue().IsMatch(value) ? value : JsonSerializer.Serialize(value, Quoting);

    private static YamlNode Root(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 1 ? stream.Documents[0].RootNode : throw new ArgumentException("the text holds no single YAML document");
    }

    private static (string Key, int? Index) Split(string part)
    {
        int bracket = part.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? (part, null) : (part[..bracket], int.Parse(part.AsSpan(bracket + 1, part.Length - bracket - 2), CultureInfo.InvariantCulture));
    }

    /// <summary>Adds `rest[0]: …` to <paramref name="map"/> (nested mappings for a longer path), as its first key.</summary>
    private static string Insert(string text, YamlMappingNode map, string[] rest, string value)
    {
        if (rest.Any(p => p.Contains('[', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{string.Join('.', rest)}' does not exist", nameof(rest));
        }

        int at = (int)map.Start.Index;
        if (map.Style == YamlDotNet.Core.Events.MappingStyle.Flow)
        {
            string flow = string.Join(": { ", rest) + ": " + Scalar(value) + string.Concat(Enumerable.Repeat(" }", rest.Length - 1));
            return text[..(at + 1)] + " " + flow + "," + text[(at + 1)..];
        }

        string indent = new(' ', (int)map.Start.Column - 1);
        var lines = new StringBuilder();
        for (int i = 0; i < rest.Length; i++)
        {
            string pad = i == 0 ? "" : indent + new string(' ', 2 * i);
            lines.Append(pad).Append(rest[i]).Append(':').Append(i == rest.Length - 1 ? " " + Scalar(value) : "").Append('\n');
        }

        return string.Concat(text.AsSpan(0, at), lines.ToString(), indent, text.AsSpan(at));
    }

    private const string TraceComment = "# What ran, as 'MICROS ACTOR OP' lines; `run` replays these ops instead of drawing the phases'.";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\[\d{1,4}\])?$")]
    private static partial Regex PathPart();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.+\-]*$")]
    private static partial Regex PlainValue();
}
