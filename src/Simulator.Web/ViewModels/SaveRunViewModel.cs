using System.Globalization;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.Sessions;
using Microsoft.AspNetCore.WebUtilities;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// The "Save run" form of a system page, and the check a page makes when it was reopened from the
/// history. A failed save keeps the name and notes in the form, so nothing typed is lost. Runs are
/// saved as <paramref name="owner"/>'s (the browser's key; null: nobody's, openable by link only).
/// </summary>
public sealed class SaveRunViewModel(RunHistoryStore store, ScenarioLibrary library, string? owner)
{
    public bool IsOpen { get; private set; }

    public string Name { get; set; } = "";

    public string Notes { get; set; } = "";

    /// <summary>Why the last save was refused or failed; empty otherwise.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool Saving { get; private set; }

    /// <summary>The run saved last, until the form opens again.</summary>
    public SavedRun? Saved { get; private set; }

    /// <summary>Set once the page, reopened from the history, has been checked against what was saved.</summary>
    public ReopenResult? Reopened { get; private set; }

    /// <summary>Why the reopened run could not be checked (e.g. it was deleted meanwhile).</summary>
    public string? ReopenProblem { get; private set; }

    public string DatabasePath => store.DatabasePath;

    public void Open(SessionViewModel page)
    {
        IsOpen = true;
        Saved = null;
        Problems = [];
        if (Name.Length == 0 && page.Session is { } session)
        {
            Name = DefaultName(session, page.Step);
        }
    }

    /// <summary>Closes the form; what was typed stays for the next time it opens.</summary>
    public void Cancel()
    {
        IsOpen = false;
        Problems = [];
    }

    /// <summary>What saving now would keep, except the event-log hash (made by <see cref="SaveAsync"/>, off the caller's thread).</summary>
    public (RunToSave Run, IScenario Scenario) Capture(SessionViewModel page)
    {
        SimulationSession session = page.Session ?? throw new RunHistoryException("This page runs nothing to save (see the notice above).");
        string query = page.QueryString;
        var parsed = QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string text;
        try
        {
            text = ScenarioDownload.Build(library, parsed).Text;
        }
        catch (SessionRequestException e)
        {
            throw new RunHistoryException($"This run's scenario cannot be written out: {e.Message}", e);
        }

        string? libraryText = ScenarioLibrary.IsId(session.ScenarioKey) ? library.Find(session.ScenarioKey)?.Text : null;
        var run = new RunToSave(Name, Notes, SystemPages.PathOf(session.Scenario.System), query, session.Scenario.Name, session.ScenarioKey, text, libraryText,
            session.Seed, page.Step, page.LastStep, "", RunReport.CurrentEngineVersion);
        return (run, session.Scenario);
    }

    /// <summary>Saves the page's run with the form's name and notes; false (with <see cref="Problems"/>) when refused or when the store failed.</summary>
    public async Task<bool> SaveAsync(SessionViewModel page)
    {
        (_, _, IReadOnlyList<string> problems) = SavedRunRules.CheckText(Name, Notes);
        if (problems.Count > 0)
        {
            Problems = problems;
            return false;
        }

        Saving = true;
        try
        {
            (RunToSave run, IScenario scenario) = Capture(page);
            string sha = await Task.Run(() => RunFingerprint.EventLogSha256(scenario, run.Seed));
            Saved = await Task.Run(() => store.Save(run with { EventLogSha256 = sha }, owner));
            IsOpen = false;
            Name = "";
            Notes = "";
            Problems = [];
            return true;
        }
        catch (RunHistoryException e)
        {
            Problems = [e.Message];
            return false;
        }
        finally
        {
            Saving = false;
        }
    }

    /// <summary>The saved run's link token if the page's URL says it was reopened from the history; null when none or malformed.</summary>
    public static string? ReopenedToken(IReadOnlyDictionary<string, string?> query) =>
        QueryValues.Value(query, RunReopener.Key) is { } text && HistoryKey.IsWellFormed(text) ? text : null;

    /// <summary>
    /// Checks the page, reopened from the run with link token <paramref name="token"/>, against what
    /// was saved (step and event log); the result is recorded in the history only when this browser
    /// owns the run (<see cref="RunHistoryStore.RecordReopen"/>).
    /// </summary>
    public async Task CheckReopenedAsync(string token, SessionViewModel page)
    {
        try
        {
            SavedRun saved = await Task.Run(() => store.FindByToken(token)) ?? throw new RunHistoryException("This run is not in the history any more.");
            SimulationSession session = page.Session ?? throw new RunHistoryException("The page could not open the saved run (see the notice above).");
            int step = page.Step;
            string sha = await Task.Run(() => RunFingerprint.EventLogSha256(session.Scenario, session.Seed));
            Reopened = new ReopenResult(saved, step, sha);
            await Task.Run(() => store.RecordReopen(token, owner, sha));
        }
        catch (RunHistoryException e)
        {
            ReopenProblem = e.Message;
        }
    }

    private static string DefaultName(SimulationSession session, int step)
    {
        string name = string.Create(CultureInfo.InvariantCulture, $"{session.Scenario.Title} · seed {session.Seed} · step {step}");
        return name.Length <= SavedRunRules.MaxNameLength ? name : name[..SavedRunRules.MaxNameLength];
    }
}
