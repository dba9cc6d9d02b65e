using BufferLab.Simulator.Web.Exports;
using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.WebUtilities;

namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>The page's run as JSON, the "Save run" form, and the check of a run reopened from the history; the logic is <see cref="SaveRunViewModel"/>'s.</summary>
public sealed partial class RunActions
{
    private ElementReference _nameInput;
    private ElementReference _saveButton;
    private bool _focusName;
    private bool _focusButton;
    private string? _reopenedToken;

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

        if (_focusName)
        {
            _focusName = false;
            await _nameInput.FocusAsync();
        }

        if (_focusButton)
        {
            _focusButton = false;
            await _saveButton.FocusAsync();
        }
    }

    private void OpenForm()
    {
        if (Form.IsOpen)
        {
            CloseForm();
            return;
        }

        Form.Open(Vm);
        _focusName = true;
    }

    private void CloseForm()
    {
        Form.Cancel();
        _focusButton = true;
    }

    private async Task Save()
    {
        if (await Form.SaveAsync(Vm))
        {
            _focusButton = true;
        }
    }

    private void OnKey(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            CloseForm();
        }
    }
}
