using BufferLab.Simulator.Web.Exports;
using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>The page's run as JSON, the "Save run" dialog (<see cref="SaveRunDialog"/>), and the check of a run reopened from the history; the logic is <see cref="SaveRunViewModel"/>'s.</summary>
public sealed partial class RunActions
{
    private string? _reopenedToken;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private RunHistoryStore Store { get; set; } = null!;

    [Inject]
    private RunOwner Owner { get; set; } = null!;

    [Inject]
    private SessionRegistry Registry { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Parameter, EditorRequired]
    public SessionViewModel Vm { get; set; } = null!;

    private SaveRunViewModel Form { get; set; } = null!;

    private string JsonHref => $"{RunExport.Path}?{Vm.QueryString}";

    private string ReopenedClass => Form.Reopened is { } r ? (r.SameLog && r.SameStep ? "ok" : "differs") : Form.ReopenProblem is null ? "" : "differs";

    private string? ReproducedAttribute => Form.Reopened is { } r ? (r.SameLog ? "true" : "false") : null;

    protected override void OnInitialized()
    {
        Form = new SaveRunViewModel(Store, Registry.Library, Owner.Key);
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query)
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _reopenedToken = SaveRunViewModel.ReopenedToken(query);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _reopenedToken is { } token)
        {
            // Only once interactive: the check runs the scenario again, which a prerender should not pay for.
            await Form.CheckReopenedAsync(token, Vm);
            StateHasChanged();
        }
    }

    /// <summary>Opens the dialog; it closes itself on a save (then the page says what was saved) and on Cancel or Esc.</summary>
    private async Task OpenFormAsync()
    {
        if (Form.IsOpen)
        {
            return;
        }

        Form.Open(Vm);
        var parameters = new DialogParameters<SaveRunDialog> { { d => d.Form, Form }, { d => d.Vm, Vm } };
        IDialogReference dialog = await Dialogs.ShowAsync<SaveRunDialog>(SaveRunDialog.Title, parameters, SaveRunDialog.Options);
        DialogResult? result = await dialog.Result;
        if (result is null || result.Canceled)
        {
            Form.Cancel();
        }

        StateHasChanged();
    }
}
