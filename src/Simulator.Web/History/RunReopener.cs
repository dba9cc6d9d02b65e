using BufferLab.Simulator.Web.Sessions;
using Microsoft.AspNetCore.WebUtilities;

namespace BufferLab.Simulator.Web.History;

/// <summary>
/// Reopens a saved run: the page's URL as saved, after putting a library file back in the library
/// (it forgets files on restart; the same text comes back under the same id), with
/// <see cref="Key"/> added so the page checks that the run reproduced. Served at
/// <c>/history/{id}/open</c> as a redirect, so reopening is a plain link.
/// </summary>
public static class RunReopener
{
    /// <summary>The query key that tells a page it was reopened from the history (the page drops it from its URL once shown).</summary>
    public const string Key = "reopened";

    public static string PathOf(long id) => $"/history/{id}/open";

    /// <summary>The URL that reopens run <paramref name="id"/>, or a <see cref="RunHistoryException"/> saying why it cannot be reopened.</summary>
    public static string Url(RunHistoryStore store, ScenarioLibrary library, long id)
    {
        SavedRun run = store.Find(id) ?? throw new RunHistoryException($"Run {id} is not in the history.");
        var query = QueryHelpers.ParseQuery(run.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
        if (run.ScenarioKey is { } key && ScenarioLibrary.IsId(key))
        {
            (string? added, _, IReadOnlyList<Engine.Scenarios.Files.ScenarioProblem> problems) = library.Add(run.LibraryText ?? run.ScenarioText, key + ".yaml");
            if (added is null)
            {
                throw new RunHistoryException($"The saved scenario file does not load any more: {ProblemText.Refusal(problems)}");
            }

            query["scenario"] = added; // the same id unless only the written-out file was kept
        }

        query[Key] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(run.Page, query);
    }

    /// <summary>GET <c>/history/{id}/open</c>: a redirect to the run's page, or 404 with the reason.</summary>
    public static IResult Handle(long id, RunHistoryStore store, SessionRegistry sessions)
    {
        try
        {
            return Results.Redirect(Url(store, sessions.Library, id));
        }
        catch (RunHistoryException e)
        {
            return Results.Text($"Cannot reopen this run: {e.Message}\n", "text/plain; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status404NotFound);
        }
    }
}
