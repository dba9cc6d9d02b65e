using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace BufferLab.Simulator.Engine.Scenarios.Files;

/// <summary>
/// Typed reads from one mapping of a scenario file. Each read checks the value's type and reports
/// a problem at the value's own line; <see cref="Finish"/> reports every key nobody read as unknown.
/// A value of the wrong type yields the fallback, so reading goes on and finds the next problem too.
/// </summary>
internal sealed class YamlMap
{
    private const string SizeHint = "a number of bytes, or one with a unit: 512, 64KiB, 4MiB, 1GiB";
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMap(ScenarioYaml file, YamlMappingNode node, string path)
    {
        File = file;
        Node = node;
        Path = path;
        foreach ((YamlNode key, YamlNode value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalar)
            {
                file.Add(key, path, "keys must be plain names");
            }
            else if (!_entries.TryAdd(name, (scalar, value)))
            {
                file.Add(key, Join(name), $"'{name}' is given twice");
            }
        }
    }

    public ScenarioYaml File { get; }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public bool Has(string key) => _entries.ContainsKey(key);

    public string Join(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>Marks <paramref name="key"/> as read and returns its value node, or null when absent.</summary>
    public YamlNode? Value(string key)
    {
        _read.Add(key);
        return _entries.TryGetValue(key, out var entry) ? entry.Value : null;
    }

    public string? Text(string key, bool required = false, int maxLength = 10_000)
    {
        if (Scalar(key, required, "text") is not { } scalar)
        {
            return null;
        }

        string text = scalar.Value ?? "";
        if (text.Length > maxLength)
        {
            Problem(scalar, key, $"at most {maxLength} characters, got {text.Length}");
            return null;
        }

        return text;
    }

    public string? Choice(string key, IReadOnlyList<string> choices, bool required = false)
    {
        if (Text(key, required) is not { } text)
        {
            return null;
        }

        if (choices.Contains(text))
        {
            return text;
        }

        Problem(Value(key)!, key, $"must be one of {string.Join(", ", choices)}, got '{text}'", Suggest(text, choices));
        return null;
    }

    public bool? Bool(string key) =>
        Scalar(key, false, "true or false") is not { } scalar ? null
        : scalar.Value is "true" or "false" ? scalar.Value == "true"
        : Fail<bool>(scalar, key, $"must be true or false, got '{scalar.Value}'");

    public long? Long(string key, bool required = false) =>
        Scalar(key, required, "a whole number") is not { } scalar ? null
        : long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value
        : Fail<long>(scalar, key, $"must be a whole number, got '{scalar.Value}'");

    public int? Int(string key, bool required = false) =>
        Long(key, required) is not { } value ? null
        : value is >= int.MinValue and <= int.MaxValue ? (int)value
        : Fail<int>(Value(key)!, key, $"must be from {int.MinValue} to {int.MaxValue}, got {value}");

    public double? Number(string key, bool required = false) =>
        Scalar(key, required, "a number") is not { } scalar ? null
        : double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value
        : Fail<double>(scalar, key, $"must be a number, got '{scalar.Value}'");

    /// <summary>A byte count: a whole number, or one with a binary unit (KiB, MiB, GiB).</summary>
    public long? Size(string key, bool required = false)
    {
        if (Scalar(key, required, "a size") is not { } scalar)
        {
            return null;
        }

        return SizeText.TryParse(scalar.Value, out long bytes) ? bytes
            : scalar.Value?.TrimStart().StartsWith('-') == true ? Fail<long>(scalar, key, $"must be 0 or more bytes, got {scalar.Value}")
            : Fail<long>(scalar, key, $"must be a size, got '{scalar.Value}'", SizeHint);
    }

    public int? IntSize(string key, bool required = false) =>
        Size(key, required) is not { } value ? null
        : value <= int.MaxValue ? (int)value
        : Fail<int>(Value(key)!, key, $"must be at most {int.MaxValue} bytes, got {value}");

    public YamlMap? Map(string key, bool required = false) =>
        Value(key) switch
        {
            YamlMappingNode map => new YamlMap(File, map, Join(key)),
            null when required => Missing<YamlMap>(key, "a mapping"),
            null => null,
            var other => Fail<YamlMap>(other, key, "must be a mapping of fields (key: value lines)"),
        };

    public IReadOnlyList<(YamlNode Node, string Path)>? Sequence(string key, bool required = false, int maxItems = 10_000)
    {
        switch (Value(key))
        {
            case YamlSequenceNode seq when seq.Children.Count > maxItems:
                return Fail<IReadOnlyList<(YamlNode, string)>>(seq, key, $"at most {maxItems} items, got {seq.Children.Count}");
            case YamlSequenceNode seq:
                return [.. seq.Children.Select((node, i) => (node, $"{Join(key)}[{i}]"))];
            case null when required:
                return Missing<IReadOnlyList<(YamlNode, string)>>(key, "a list");
            case null:
                return null;
            case var other:
                return Fail<IReadOnlyList<(YamlNode, string)>>(other, key, "must be a list ('- ' items)");
        }
    }

    /// <summary>
    /// Reports every key not read: one that belongs to another kind of this mapping (<paramref name="elsewhere"/>,
    /// say an open phase's rate in a closed phase) does not apply <paramref name="here"/>; any other is unknown,
    /// with the nearest known name or the list of names.
    /// </summary>
    public void Finish(IReadOnlyList<string> known, IEnumerable<string>? elsewhere = null, string here = "here")
    {
        foreach ((string name, (YamlScalarNode key, _)) in _entries)
        {
            if (_read.Contains(name))
            {
                continue;
            }

            if (elsewhere?.Contains(name) == true || known.Contains(name))
            {
                File.Add(key, Join(name), $"'{name}' does not apply {here}", $"fields here: {string.Join(", ", known)}");
            }
            else
            {
                File.Add(key, Join(name), $"unknown field '{name}'", Suggest(name, known) ?? $"fields here: {string.Join(", ", known)}");
            }
        }
    }

    public void Problem(YamlNode node, string key, string message, string? hint = null) => File.Add(node, Join(key), message, hint);

    /// <summary>The closest of <paramref name="choices"/> by edit distance, as a hint, when one is close.</summary>
    public static string? Suggest(string text, IEnumerable<string> choices)
    {
        string? best = choices.MinBy(c => EditDistance(text.ToLowerInvariant(), c.ToLowerInvariant()));
        return best is not null && EditDistance(text.ToLowerInvariant(), best.ToLowerInvariant()) <= Math.Max(2, best.Length / 3) ? $"did you mean '{best}'?" : null;
    }

    private static int EditDistance(string a, string b)
    {
        int[] row = [.. Enumerable.Range(0, b.Length + 1)];
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    private YamlScalarNode? Scalar(string key, bool required, string expected) =>
        Value(key) switch
        {
            YamlScalarNode scalar => scalar,
            null when required => Missing<YamlScalarNode>(key, expected),
            null => null,
            var other => Fail<YamlScalarNode>(other, key, $"must be {expected}, not a {(other is YamlSequenceNode ? "list" : "mapping")}"),
        };

    private T? Missing<T>(string key, string expected)
    {
        File.Add(Node, Join(key), $"'{key}' is required here ({expected})");
        return default;
    }

    private T? Fail<T>(YamlNode node, string key, string message, string? hint = null)
    {
        Problem(node, key, message, hint);
        return default;
    }
}
