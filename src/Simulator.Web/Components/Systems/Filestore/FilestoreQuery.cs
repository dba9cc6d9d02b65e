using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Filestore;

/// <summary>
/// The filestore page's URL state: `?scenario=filestore-seed-repro&amp;seed=1&amp;step=200&amp;reader=std&amp;compare=mmap`.
/// Both readers side by side is the default; `compare=none` shows one.
/// </summary>
public sealed record FilestoreQuery(string Scenario, ulong Seed, string? Step, string Reader, string? Compare)
{
    public const string DefaultScenario = "filestore-seed-repro";

    public static FilestoreQuery Parse(IReadOnlyDictionary<string, string?> query, out List<string> problems)
    {
        problems = [];
        ulong seed = QueryValues.Seed(query, problems);
        string reader = ChoiceQuery.Chosen(query, FilestoreChoices.Readers, problems);
        string? compare = ChoiceQuery.Compare(query, FilestoreChoices.Readers, reader, Other(reader), problems);
        return new FilestoreQuery(QueryValues.Value(query, "scenario") ?? DefaultScenario, seed, QueryValues.Value(query, "step"), reader, compare);
    }

    public static string Format(string scenario, ulong seed, int step, string reader, string? compare) =>
        string.Create(CultureInfo.InvariantCulture, $"scenario={Uri.EscapeDataString(scenario)}&seed={seed}&step={step}&reader={reader}&compare={compare ?? "none"}");

    public static string Other(string reader) => reader == "mmap" ? "std" : "mmap";
}
