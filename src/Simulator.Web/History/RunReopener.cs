using BufferLab.Simulator.Web.Sessions;
using Microsoft.AspNetCore.WebUtilities;

namespace BufferLab.Simulator.Web.History;

/// <summary>
/// Reopens a saved run by its link token: the page's URL as saved, after putting a library file
/// back in the library (it forgets files on restart; the same text comes back under the same id),
/// with <see cref="Key"/> added so the page checks that the run reproduced. The link is
/// <c>/history/{token}</c> (the SavedRunLink page redirects to the run, or says why it cannot);
/// the token is the only way in, so a link opens for anyone who has it and nobody can reach a run
/// by counting ids.
/// </summary>
public static class RunReopener
{
    /// <summary>The query key that tells a page it was reopened from the history, holding the run's token (the page drops it from its URL once shown).</summary>
    public const string Key = "reopened";

    public static string PathOf(string token) => $"/history/{token}";

    /// <summary>The URL that reopens the run with link token <paramref name="token"/>, or a <see cref="RunHistoryException"/> saying why it cannot be reopened.</summary>
    public static string Url(RunHistoryStore store, ScenarioLibrary library, string token)
    {
        SavedRun run = store.FindByToken(token) ?? throw new RunHistoryException(HistoryKey.IsWellFormed(token)
            ? "No saved run has this link: it was deleted, or the link was mistyped."
            : $"This is not a saved run's link (a run's link ends in {HistoryKey.Length} letters, digits, '-' or '_').");
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

        query[Key] = run.Token;
        return QueryHelpers.AddQueryString(run.Page, query);
    }
}
