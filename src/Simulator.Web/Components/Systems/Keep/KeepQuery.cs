using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Keep;

/// <summary>
/// The keep page's URL state: `?scenario=keep-zipf&amp;seed=1&amp;step=40&amp;mode=coalescing&amp;compare=current`.
/// Parsing keeps what is valid and says what was not.
/// </summary>
public sealed record KeepQuery(string Scenario, ulong Seed, string? Step, string Mode, string? Compare)
{
    public const string DefaultScenario = "keep-job-start-herd";

    public static KeepQuery Parse(IReadOnlyDictionary<string, string?> query, out List<string> problems)
    {
        problems = [];
        ulong seed = QueryValues.Seed(query, problems);
        string mode = ChoiceQuery.Chosen(query, KeepChoices.Modes, problems);
        string? compare = ChoiceQuery.Compare(query, KeepChoices.Modes, mode, null, problems);
        return new KeepQuery(QueryValues.Value(query, "scenario") ?? DefaultScenario, seed, QueryValues.Value(query, "step"), mode, compare);
    }

    public static string Format(string scenario, ulong seed, int step, string mode, string? compare)
    {
        string query = string.Create(CultureInfo.InvariantCulture, $"scenario={Uri.EscapeDataString(scenario)}&seed={seed}&step={step}&mode={mode}");
        return compare is null ? query : $"{query}&compare={compare}";
    }
}
