using BufferLab.Simulator.Engine.Simulation;
using YamlDotNet.RepresentationModel;

namespace BufferLab.Simulator.Engine.Scenarios.Files;

/// <summary>What phases of every system share: their kind (a load model or an op string) and distributions.</summary>
internal static class PhaseReader
{
    public const string Ops = "ops";

    /// <summary>The phases as mappings (problems for items that are not).</summary>
    public static List<YamlMap> Phases(YamlMap root, bool required)
    {
        var phases = new List<YamlMap>();
        foreach ((YamlNode node, string path) in root.Sequence("phases", required, maxItems: 64) ?? [])
        {
            if (node is YamlMappingNode map)
            {
                phases.Add(new YamlMap(root.File, map, path));
            }
            else
            {
                root.File.Add(node, path, "each phase must be a mapping, as in '- load: closed'");
            }
        }

        if (required && phases.Count == 0 && root.Has("phases"))
        {
            root.Problem(root.Value("phases")!, "phases", "at least one phase is needed");
        }

        return phases;
    }

    /// <summary>`ops` when the phase has an op string, else its `load`, one of <paramref name="loads"/>; null after a problem.</summary>
    public static string? Kind(YamlMap phase, IReadOnlyList<string> loads, string example)
    {
        if (phase.Has(Ops) && phase.Has("load"))
        {
            phase.Problem(phase.Value("load")!, "load", "a phase has either 'load' or 'ops', not both");
            return null;
        }

        if (phase.Has(Ops))
        {
            return Ops;
        }

        if (!phase.Has("load"))
        {
            phase.File.Add(phase.Node, phase.Path, $"a phase needs 'load' ({string.Join(", ", loads)}) or 'ops'", $"for example: {example}");
            return null;
        }

        return phase.Choice("load", loads);
    }

    /// <summary>Parses the phase's op string with <paramref name="parse"/>, placing a bad token's problem at its column where the file shows it on one line.</summary>
    public static IReadOnlyList<T>? ParseOps<T>(YamlMap phase, OpString.TokenParser<T> parse, string grammar)
        where T : class => ParseOps(phase, parse, grammar, out _);

    /// <summary>As <see cref="ParseOps{T}(YamlMap, OpString.TokenParser{T}, string)"/>, with each op's column in the op string.</summary>
    public static IReadOnlyList<T>? ParseOps<T>(YamlMap phase, OpString.TokenParser<T> parse, string grammar, out IReadOnlyList<int> columns)
        where T : class
    {
        columns = [];
        if (phase.Text(Ops, maxLength: 4_000_000) is not { } text)
        {
            return null;
        }

        if (OpString.TryParse(text, parse, out var error, out columns) is { } ops)
        {
            if (ops.Count == 0)
            {
                phase.Problem(phase.Value(Ops)!, Ops, "the op string is empty", grammar);
            }

            return ops;
        }

        OpProblem(phase, error!.Value.Column, error.Value.Message, error.Value.Message.Contains(grammar, StringComparison.Ordinal) ? null : grammar);
        return null;
    }

    /// <summary>A problem with the op at <paramref name="column"/> of the phase's op string: at that column when the file shows the string on one line, else at its start, naming the column.</summary>
    public static void OpProblem(YamlMap phase, int column, string message, string? hint = null)
    {
        var scalar = (YamlScalarNode)phase.Value(Ops)!;
        bool oneLine = scalar.Start.Line == scalar.End.Line && !(scalar.Value ?? "").Contains('\n', StringComparison.Ordinal);
        int quote = scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted ? 1 : 0;
        YamlDotNet.Core.Mark at = oneLine ? new(scalar.Start.Index, scalar.Start.Line, scalar.Start.Column + quote + column - 1) : scalar.Start;
        phase.File.Add(at, phase.Join(Ops), oneLine ? message : $"column {column} of the op string: {message}", hint);
    }

    /// <summary>A problem at each trace entry whose op <paramref name="error"/> refuses (it returns why, or null when the op is fine).</summary>
    public static void CheckTraceOps(YamlMap root, WorkloadTrace? trace, Func<string, string?> error)
    {
        for (int i = 0; trace is not null && i < trace.Entries.Count; i++)
        {
            if (error(trace.Entries[i].Op) is { } why)
            {
                root.File.AddAt($"trace.entries[{i}]", $"'{trace.Entries[i].Op}': {why}");
            }
        }
    }

    /// <summary>A distribution mapping (`distribution: uniform|zipf|fixed|list`, `alpha`, `value`, `values`, and with <paramref name="range"/> `min`/`max`).</summary>
    public static (Distribution Distribution, int? Min, int? Max) Distribution(YamlMap owner, string key, bool range)
    {
        if (owner.Map(key) is not { } map)
        {
            return (Scenarios.Distribution.Uniform, null, null);
        }

        int? min = range ? map.IntSize("min") : null;
        int? max = range ? map.IntSize("max") : null;
        Distribution result = map.Choice("distribution", ["uniform", "zipf", "fixed", "list"]) switch
        {
            "zipf" => Scenarios.Distribution.Zipf(map.Number("alpha", required: true) ?? 1),
            "fixed" => Scenarios.Distribution.Fixed(map.IntSize("value", required: true) ?? 0),
            "list" => Scenarios.Distribution.List([.. Values(map)]),
            _ => Scenarios.Distribution.Uniform,
        };
        map.Finish(range ? ["distribution", "alpha", "value", "values", "min", "max"] : ["distribution", "alpha", "value", "values"]);
        return (result, min, max);
    }

    private static IEnumerable<int> Values(YamlMap map)
    {
        foreach ((YamlNode node, string path) in map.Sequence("values", required: true, maxItems: Scenarios.Distribution.MaxListValues) ?? [])
        {
            if (node is YamlScalarNode scalar && Files.SizeText.TryParse(scalar.Value, out long value) && value <= int.MaxValue)
            {
                yield return (int)value;
            }
            else
            {
                map.File.Add(node, path, $"must be a whole number from 0 to {int.MaxValue}, got '{(node as YamlScalarNode)?.Value}'");
            }
        }
    }
}
