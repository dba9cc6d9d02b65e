using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>
/// A "PNG" action for any drawn view: pages only wrap the element, and the browser renders it (its
/// DOM and computed styles, over the colour behind it) to an image with html-to-image.
/// </summary>
public sealed partial class ExportableFigure : IAsyncDisposable
{
    private ElementReference _body;
    private IJSObjectReference? _module;
    private bool _busy;
    private string? _error;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    /// <summary>The button is `{TestId}-png`; the file is `{TestId}.png`.</summary>
    [Parameter, EditorRequired]
    public string TestId { get; set; } = "";

    /// <summary>What the figure shows, for the button's accessible name ("Download the slot map as a PNG image").</summary>
    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    [Parameter, EditorRequired]
    public RenderFragment? ChildContent { get; set; }

    public ValueTask DisposeAsync() => _module.DisposeQuietlyAsync();

    private async Task DownloadPng()
    {
        _busy = true;
        _error = null;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/export.js");
            await _module.InvokeVoidAsync("elementPng", _body, TestId + ".png");
        }
        catch (JSException e)
        {
            _error = $"The image failed: {e.Message}";
        }
        finally
        {
            _busy = false;
        }
    }
}
