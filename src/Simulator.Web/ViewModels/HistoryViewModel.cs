using BufferLab.Simulator.Web.History;
using Microsoft.AspNetCore.WebUtilities;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// The history page: this browser's saved runs (<paramref name="owner"/>'s) newest first, a search,
/// renaming and notes, and deleting after a confirmation. A failure (the database locked or full,
/// a run that is not this browser's) is shown and leaves the list and the edit form as they were.
/// </summary>
public sealed class HistoryViewModel(RunHistoryStore store, string? owner)
{
    public string Search { get; private set; } = "";

    public IReadOnlyList<SavedRun> Runs { get; private set; } = [];

    /// <summary>The last failure, shown above the list.</summary>
    public string? Error { get; private set; }

    /// <summary>What the last action did ("Deleted …"), for a status line.</summary>
    public string? Status { get; private set; }

    public long? EditingId { get; private set; }

    public string EditName { get; set; } = "";

    public string EditNotes { get; set; } = "";

    public IReadOnlyList<string> EditProblems { get; private set; } = [];

    public long? ConfirmingDeleteId { get; private set; }

    public string DatabasePath => store.DatabasePath;

    /// <summary>False when the browser sent no owner key (cookies blocked): it owns nothing, so the page says why its list is empty.</summary>
    public bool HasOwner => HistoryKey.IsWellFormed(owner);

    /// <summary>The view's choices beyond scenario, seed and step ("mode current · compare coalescing"), as the saved URL holds them.</summary>
    public static string ViewOptions(string query) => string.Join(" · ",
        QueryHelpers.ParseQuery(query).Where(p => p.Key is not ("scenario" or "seed" or "step")).Select(p => $"{p.Key} {p.Value}"));

    public void Load() => Try(() => Runs = store.List(owner, Search));

    public void SetSearch(string? search)
    {
        Search = (search ?? "").Trim();
        Load();
    }

    public void StartEdit(SavedRun run)
    {
        EditingId = run.Id;
        EditName = run.Name;
        EditNotes = run.Notes;
        EditProblems = [];
        ConfirmingDeleteId = null;
    }

    public void CancelEdit()
    {
        EditingId = null;
        EditProblems = [];
    }

    /// <summary>Saves the edit; on failure the form stays open with what was typed.</summary>
    public bool SaveEdit()
    {
        if (EditingId is not { } id)
        {
            return false;
        }

        (_, _, IReadOnlyList<string> problems) = SavedRunRules.CheckText(EditName, EditNotes);
        EditProblems = problems;
        if (problems.Count > 0)
        {
            return false;
        }

        bool done = Try(() =>
        {
            SavedRun saved = store.Edit(id, owner, EditName, EditNotes);
            Status = $"Saved the changes to “{saved.Name}”.";
        });
        if (!done)
        {
            EditProblems = [Error!];
            return false;
        }

        EditingId = null;
        Load();
        return true;
    }

    public void AskDelete(SavedRun run)
    {
        ConfirmingDeleteId = run.Id;
        EditingId = null;
    }

    public void CancelDelete() => ConfirmingDeleteId = null;

    public void ConfirmDelete()
    {
        if (ConfirmingDeleteId is not { } id)
        {
            return;
        }

        string name = Runs.FirstOrDefault(r => r.Id == id)?.Name ?? $"run {id}";
        if (Try(() => Status = store.Delete(id, owner) ? $"Deleted “{name}”." : $"“{name}” was already gone."))
        {
            ConfirmingDeleteId = null;
            Load();
        }
    }

    private bool Try(Action action)
    {
        try
        {
            action();
            Error = null;
            return true;
        }
        catch (RunHistoryException e)
        {
            Error = e.Message;
            Status = null;
            return false;
        }
    }
}
