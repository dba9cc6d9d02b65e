using System.Globalization;
using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace BufferLab.Simulator.Web.Components.Pages;

/// <summary>The history page binds to <see cref="HistoryViewModel"/>.</summary>
public sealed partial class History
{
    private string _search = "";

    [Inject]
    private RunHistoryStore Store { get; set; } = null!;

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
        Vm = new HistoryViewModel(Store);
        Vm.Load();
    }

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
