using System.Globalization;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>Which page shows which system (<c>/</c> + its slug), and the links that open a scenario there as its file wrote it.</summary>
public static class SystemPages
{
    /// <summary>The Scenarios page: the presets, and the editor.</summary>
    public const string Scenarios = "/scenarios";

    /// <summary>The page of <paramref name="system"/> (a scenario file's `system:`).</summary>
    public static string PathOf(string system) => "/" + SystemCatalog.Get(system).Slug;

    /// <summary>The page's name in the navigation.</summary>
    public static string TitleOf(string system) => SystemCatalog.Get(system).Title;

    /// <summary>The navigation's name of a system page ("/keep": "Keepstore buffers"); any other path as it is.</summary>
    public static string PageTitle(string page) => SystemCatalog.BySlug(page.TrimStart('/'))?.Title ?? page;

    /// <summary>
    /// Opens <paramref name="scenario"/> (named <paramref name="key"/>: a preset or a library id) on
    /// its page with <paramref name="seed"/> and the mode, reader or variant its file chose: a page
    /// otherwise runs its own default (the FUSE page: vectored), not the file's.
    /// </summary>
    public static string Open(string key, IScenario scenario, ulong? seed = null) =>
        QueryValues.Link(PathOf(scenario.System), [("scenario", key), ("seed", seed?.ToString(CultureInfo.InvariantCulture)),
            .. SystemCatalog.Of(scenario).LinkChoices(scenario).Select(c => (c.Key, (string?)c.Value))]);
}
