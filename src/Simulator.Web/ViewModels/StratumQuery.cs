using System.Globalization;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// The Stratum page's URL state: `?scenario=readme-case3&amp;seed=1&amp;step=12&amp;variant=fixed`, or
/// `?ops=+1:5 -1&amp;cap=40`. Parsing keeps what is valid and says what was not.
/// </summary>
public sealed record StratumQuery(string Scenario, ulong Seed, string? Step, string Variant, string? Ops, int? Capacity)
{
    public const string DefaultScenario = "readme-case3";

    public static StratumQuery Parse(IReadOnlyDictionary<string, string?> query, out List<string> problems)
    {
        problems = [];
        string scenario = Value(query, "scenario") ?? DefaultScenario;
        ulong seed = 1;
        if (Value(query, "seed") is { } seedText && !ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
        {
            problems.Add($"seed '{seedText}' is not a whole number from 0 to {ulong.MaxValue}; using seed 1");
            seed = 1;
        }

        string variant = (Value(query, "variant") ?? "faithful").ToLowerInvariant();
        if (variant is not ("faithful" or "fixed"))
        {
            problems.Add($"variant '{variant}' is not 'faithful' or 'fixed'; using faithful");
            variant = "faithful";
        }

        int? capacity = null;
        if (Value(query, "cap") is { } capText)
        {
            if (int.TryParse(capText, NumberStyles.None, CultureInfo.InvariantCulture, out int cap))
            {
                capacity = cap;
            }
            else
            {
                problems.Add($"cap '{capText}' is not a whole number of bytes; using 40");
            }
        }

        return new StratumQuery(scenario, seed, Value(query, "step"), variant, Value(query, "ops"), capacity);
    }

    /// <summary>The query string that reopens this state.</summary>
    public static string Format(string scenario, ulong seed, int step, string variant, string? ops, int? capacity)
    {
        var parts = new List<string>();
        if (ops is null)
        {
            parts.Add($"scenario={Uri.EscapeDataString(scenario)}");
        }
        else
        {
            parts.Add($"ops={Uri.EscapeDataString(ops)}");
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"cap={capacity}"));
        }

        parts.Add(string.Create(CultureInfo.InvariantCulture, $"seed={seed}"));
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"step={step}"));
        if (variant != "faithful")
        {
            parts.Add($"variant={variant}");
        }

        return string.Join('&', parts);
    }

    private static string? Value(IReadOnlyDictionary<string, string?> query, string key) =>
        query.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
