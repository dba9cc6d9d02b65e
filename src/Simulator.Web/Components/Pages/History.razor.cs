using System.Globalization;
using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace BufferLab.Simulator.Web.Components.Pages;

/// <summary>The history page binds to <see cref="HistoryViewModel"/>, for this browser's owner key (<see cref="RunOwner"/>).</summary>
public sealed partial class History
{
    // The grid's <table>: its test id and accessible name (MudDataGrid has no caption).
    private readonly Dictionary<string, object> _tableAttributes = new(StringComparer.Ordinal)
    {
        ["data-testid"] = "history-table",
        ["aria-label"] = "Saved runs",
    };

    private string _search = "";

    [Inject]
    private RunHistoryStore Store { get; set; } = null!;

    [Inject]
    private RunOwner Owner { get; set; } = null!;

    private HistoryViewModel Vm { get; set; } = null!;

    private string CountText => Vm.Runs.Count switch
    {
        0 => "",
        1 => "1 run",
        RunHistoryStore.MaxListed => $"the newest {RunHistoryStore.MaxListed} runs",
        int n => $"{n} runs",
    };

    protected override void OnInitialized()
    {
        Vm = new HistoryViewModel(Store, Owner.Key);
        Vm.Load();
    }

    /// <summary>The row's class: MudDataGrid gives a row a class and a style only, so tests find rows by it (<c>tr.history-row</c>).</summary>
    private static string RowClass(SavedRun run, int index) => string.Create(CultureInfo.InvariantCulture, $"history-row history-run-{run.Id}");

    // What each sortable column sorts by (MudDataGrid takes an object per row).
    private static readonly Func<SavedRun, object> NameOf = run => run.Name.ToUpperInvariant();

    private static readonly Func<SavedRun, object> PageOf = run => $"{SystemPages.PageTitle(run.Page)} {run.ScenarioName}";

    private static readonly Func<SavedRun, object> SeedOf = run => ulong.TryParse(run.Seed, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed) ? seed : 0UL;

    private static readonly Func<SavedRun, object> StepOf = run => run.Step;

    private static readonly Func<SavedRun, object> SavedAtOf = run => run.SavedAt;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string ReproClass(SavedRun run) => run.Reproduced switch { true => "ok", false => "differs", null => "" };

    private static string ReproText(SavedRun run) => run.Reproduced switch
    {
        true => "✓ reproduced when reopened",
        false => "✗ differed when reopened",
        null => "not reopened yet",
    };

    private static string ReproTitle(SavedRun run) => run.ReopenedAt is { } at
        ? $"Last reopened {Time(at)} UTC: its event log was {run.ReopenedSha256}"
        : "Reopen the run to check that it gives the same event log";

    private void ApplySearch() => Vm.SetSearch(_search);

    private void SaveEdit() => Vm.SaveEdit();

    private void OnEditKey(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            Vm.CancelEdit();
        }
    }
}
