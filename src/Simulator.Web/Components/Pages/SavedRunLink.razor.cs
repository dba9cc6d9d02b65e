using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.Sessions;
using Microsoft.AspNetCore.Components;

namespace BufferLab.Simulator.Web.Components.Pages;

/// <summary>The page behind <see cref="RunReopener.PathOf"/>: a redirect to the run (an HTTP 302 when requested, a navigation inside the app), or why not.</summary>
public sealed partial class SavedRunLink
{
    private string? _problem;

    [Parameter]
    public string Token { get; set; } = "";

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private RunHistoryStore Store { get; set; } = null!;

    [Inject]
    private SessionRegistry Registry { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    protected override void OnParametersSet()
    {
        string url;
        try
        {
            url = RunReopener.Url(Store, Registry.Library, Token);
            _problem = null;
        }
        catch (RunHistoryException e)
        {
            _problem = e.Message;
            if (HttpContext is { Response.HasStarted: false } http)
            {
                // 404 as the response starts, not now: a status changed during rendering makes Blazor
                // drop this page for the status-code middleware's generic one, without the reason.
                http.Response.OnStarting(() =>
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
            }

            return;
        }

        Navigation.NavigateTo(url, replace: true);
    }
}
