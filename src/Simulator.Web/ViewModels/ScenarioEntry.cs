using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>One preset as the Scenarios page lists it, with the link that opens it on its system's page.</summary>
public sealed record ScenarioEntry(string Name, string Title, string System, string SystemTitle, string Description, string OpenHref)
{
    public static ScenarioEntry From(ScenarioDocument document) => new(document.Name, document.Scenario.Title, document.Scenario.System,
        SystemPages.TitleOf(document.Scenario.System), document.Scenario.Description, SystemPages.Open(document.Name, document.Scenario, document.Seed));

    /// <summary>Whether every word of a search appears in the name, title, description or system.</summary>
    public bool Matches(IReadOnlyList<string> words) =>
        words.All(w => Name.Contains(w, StringComparison.OrdinalIgnoreCase) || Title.Contains(w, StringComparison.OrdinalIgnoreCase)
            || Description.Contains(w, StringComparison.OrdinalIgnoreCase) || System.Contains(w, StringComparison.OrdinalIgnoreCase)
            || SystemTitle.Contains(w, StringComparison.OrdinalIgnoreCase));
}
