namespace BufferLab.Simulator.Cli;

/// <summary>Positional arguments and `--name value` options, each option allowed once and checked against a known list.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public CliArguments(IEnumerable<string> args, params string[] knownOptions)
    {
        using IEnumerator<string> e = args.GetEnumerator();
        while (e.MoveNext())
        {
            string arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(arg);
                continue;
            }

            if (!knownOptions.Contains(arg))
            {
                throw new CliException($"unknown option '{arg}'; expected one of: {string.Join(", ", knownOptions)}");
            }

            if (!e.MoveNext())
            {
                throw new CliException($"option '{arg}' needs a value");
            }

            if (!_options.TryAdd(arg, e.Current))
            {
                throw new CliException($"option '{arg}' is given twice");
            }
        }
    }

    public List<string> Positional { get; } = [];

    public string? Option(string name) => _options.GetValueOrDefault(name);

    /// <summary>The value of a choice option, lower-cased and checked against <paramref name="choices"/>.</summary>
    public string Choice(string name, string fallback, params string[] choices)
    {
        string value = (Option(name) ?? fallback).ToLowerInvariant();
        return choices.Contains(value)
            ? value
            : throw new CliException($"option '{name}' must be one of {string.Join(", ", choices)}, got '{Option(name)}'");
    }
}
