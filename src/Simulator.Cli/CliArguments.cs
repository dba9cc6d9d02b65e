namespace BufferLab.Simulator.Cli;

/// <summary>Positional arguments, `--name value` options and `--flag`s, checked against known lists; only <c>--set</c> may be given more than once.</summary>
public sealed class CliArguments
{
    private const string Repeatable = "--set";
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public CliArguments(IEnumerable<string> args, params string[] knownOptions)
        : this(args, knownOptions, [])
    {
    }

    /// <param name="flags">The options among <paramref name="knownOptions"/> that take no value.</param>
    public CliArguments(IEnumerable<string> args, string[] knownOptions, string[] flags)
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

            if (flags.Contains(arg))
            {
                _ = _flags.Add(arg) ? true : throw new CliException($"option '{arg}' is given twice");
                continue;
            }

            if (!e.MoveNext())
            {
                throw new CliException($"option '{arg}' needs a value");
            }

            if (_options.TryGetValue(arg, out List<string>? values) && arg != Repeatable)
            {
                throw new CliException($"option '{arg}' is given twice");
            }

            (_options[arg] = values ?? []).Add(e.Current);
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Option(string name) => _options.GetValueOrDefault(name)?[0];

    public IReadOnlyList<string> All(string name) => _options.GetValueOrDefault(name) ?? [];

    /// <summary>The value of a choice option, lower-cased and checked against <paramref name="choices"/>.</summary>
    public string Choice(string name, string fallback, params string[] choices)
    {
        string value = (Option(name) ?? fallback).ToLowerInvariant();
        return choices.Contains(value)
            ? value
            : throw new CliException($"option '{name}' must be one of {string.Join(", ", choices)}, got '{Option(name)}'");
    }
}
