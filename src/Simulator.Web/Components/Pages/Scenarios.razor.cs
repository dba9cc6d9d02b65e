using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Components.Pages;

/// <summary>
/// The Scenarios page binds the preset list and the editor to their view models. URL state:
/// `q` (the search) and the scenario in the editor, in a system page's own names
/// (`scenario=keep-zipf&amp;seed=1&amp;mode=coalescing`), as a system page's Edit link gives them.
/// </summary>
public sealed partial class Scenarios : IAsyncDisposable
{
    private ScenarioEditor? _editor;
    private IJSObjectReference? _shortcuts;
    private IReadOnlyList<string> _notices = [];

    /// <summary>The URL's names of what a system page's Edit link can give.</summary>
    private static readonly string[] WorkloadKeys = ["scenario", "ops", "cap", "seed", .. SystemCatalog.ChoiceKeys];

    /// <summary>What the editor was last loaded from (a preset, a library file, with a page's choices), for the URL.</summary>
    private (string Key, string? Value)[] _editing = [];

    [Inject]
    private ScenarioLibrary Library { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    private ScenarioListViewModel List { get; } = new();

    private ScenarioEditorViewModel Editor { get; set; } = null!;

    public ValueTask DisposeAsync() => _shortcuts.DisposeQuietlyAsync();

    protected override void OnInitialized()
    {
        Editor = new ScenarioEditorViewModel(Library);
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query)
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        List.Search = QueryValues.Value(query, "q") ?? "";
        if ((QueryValues.Value(query, "scenario") ?? QueryValues.Value(query, "ops")) is not null && Editor.Open(query))
        {
            _editing = [.. WorkloadKeys.Select(k => (k, QueryValues.Value(query, k)))];
        }

        _notices = Editor.Notice is { } notice ? [notice] : [];
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _shortcuts = await JS.InvokeAsync<IJSObjectReference>("import", "./js/shortcuts.js");
        }
    }

    private async Task EditAsync(string name)
    {
        if (Editor.Edit(name))
        {
            _editing = [("scenario", name)];
            await _editor!.ShowAsync(focus: true);
            await ReplaceQueryAsync();
        }
    }

    private Task SearchChanged() => ReplaceQueryAsync();

    private async Task ClearSearch()
    {
        List.Search = "";
        await ReplaceQueryAsync();
    }

    private void Run(string page) => Navigation.NavigateTo(page);

    private async Task ReplaceQueryAsync()
    {
        if (_shortcuts is not null)
        {
            string link = QueryValues.Link("", [("q", string.IsNullOrWhiteSpace(List.Search) ? null : List.Search.Trim()), .. _editing]);
            await _shortcuts.InvokeVoidAsync("replaceQuery", link.TrimStart('?'));
        }
    }
}
