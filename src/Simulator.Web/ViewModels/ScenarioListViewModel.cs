using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>The Scenarios page's list: every preset, narrowed by a search over names, titles, descriptions and systems.</summary>
public sealed class ScenarioListViewModel
{
    public static IReadOnlyList<ScenarioEntry> All { get; } = [.. ScenarioCatalog.Documents.Select(ScenarioEntry.From)];

    public string Search { get; set; } = "";

    public IReadOnlyList<ScenarioEntry> Shown
    {
        get
        {
            string[] words = Search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return words.Length == 0 ? All : [.. All.Where(e => e.Matches(words))];
        }
    }

    /// <summary>"38 scenarios", or "3 of 38 scenarios match “zipf”".</summary>
    public string CountText
    {
        get
        {
            int shown = Shown.Count;
            return string.IsNullOrWhiteSpace(Search) ? $"{All.Count} scenarios" : $"{shown} of {All.Count} scenarios match “{Search.Trim()}”";
        }
    }
}
