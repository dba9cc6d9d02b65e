using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.StratumV2;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Stratum;

/// <summary>
/// The Stratum page's URL state: `?scenario=readme-case3&amp;seed=1&amp;step=12&amp;variant=fixed`, or
/// `?ops=+1:5 -1&amp;cap=40`; `compare=fixed` runs the other variant beside it, `teach=1` turns on
/// teaching mode. Parsing keeps what is valid and says what was not.
/// </summary>
public sealed record StratumQuery(string Scenario, ulong Seed, string? Step, string Variant, string? Ops, int? Capacity, string? Compare = null, bool Teach = false)
{
    public const string DefaultScenario = "readme-case3";

    public static StratumQuery Parse(IReadOnlyDictionary<string, string?> query, out List<string> problems)
    {
        problems = [];
        string scenario = QueryValues.Value(query, "scenario") ?? DefaultScenario;
        ulong seed = QueryValues.Seed(query, problems);

        string variant = ChoiceQuery.Chosen(query, Sv2Choices.Variants, problems);

        int? capacity = null;
        if (QueryValues.Value(query, "cap") is { } capText)
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

        string? compare = ChoiceQuery.Compare(query, Sv2Choices.Variants, variant, null, problems);
        bool teach = QueryValues.Value(query, "teach") is "1" or "true";
        return new StratumQuery(scenario, seed, QueryValues.Value(query, "step"), variant, QueryValues.Value(query, "ops"), capacity, compare, teach);
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
}
