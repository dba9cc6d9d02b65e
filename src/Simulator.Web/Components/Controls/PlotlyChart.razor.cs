using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>
/// Draws its series with plotly, or shows them as a table; downloads them as CSV (built here, from
/// the very series drawn) or the chart as a PNG (plotly's toImage). Renders only when its inputs
/// or its own state changed: pages re-render up to 30 times a second while playing, and a table of
/// hundreds of rows should not be diffed each time.
/// </summary>
public sealed partial class PlotlyChart : IAsyncDisposable
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private IReadOnlyList<ChartSeries>? _drawn;
    private double? _drawnXMax;
    private (IReadOnlyList<ChartSeries> Series, string Title, string XTitle, string YTitle, double? FrozenXMax)? _rendered;
    private (IReadOnlyList<ChartSeries> Series, string XTitle, ChartTable Table)? _table;
    private bool _showTable;
    private bool _resizeAfterTable;
    private bool _stateChanged;
    private bool _busy;
    private string? _error;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    [Parameter, EditorRequired]
    public string TestId { get; set; } = "";

    [Parameter, EditorRequired]
    public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    [Parameter]
    public string YTitle { get; set; } = "";

    [Parameter]
    public string XTitle { get; set; } = "step";

    private string CaptionId => TestId + "-caption";

    /// <summary>The points drawn, as a table (made again only when the series change).</summary>
    private ChartTable Table
    {
        get
        {
            if (_table is not { } made || !ReferenceEquals(made.Series, Series) || made.XTitle != XTitle)
            {
                made = (Series, XTitle, ChartTable.From(Series, XTitle));
                _table = made;
            }

            return made.Table;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // the circuit is gone; nothing to free in the browser
            }
        }
    }

    /// <summary>The page, cascaded to every component: while its run is paused, the chart keeps the x axis it had.</summary>
    [CascadingParameter]
    public SessionPageContext? Page { get; set; }

    /// <summary>While paused, the right end of the frozen x axis (the step or virtual ms play reached), so stepping back does not rescale it.</summary>
    private double? FrozenXMax => Page?.ViewModel?.Paused is { } paused ? (XTitle == "step" ? paused.UpToStep : paused.UpToMs) : null;

    protected override bool ShouldRender()
    {
        var inputs = (Series, Title, XTitle, YTitle, FrozenXMax);
        bool changed = _stateChanged || _rendered is not { } last || !ReferenceEquals(last.Series, Series) || last.Title != Title || last.XTitle != XTitle || last.YTitle != YTitle || last.FrozenXMax != FrozenXMax;
        if (changed)
        {
            _rendered = inputs;
            _stateChanged = false;
        }

        return changed;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_showTable)
        {
            return; // drawn when shown again
        }

        double? frozen = FrozenXMax;
        if (!ReferenceEquals(_drawn, Series) || _drawnXMax != frozen)
        {
            _drawn = Series;
            _drawnXMax = frozen;
            IJSObjectReference module = await Module();
            await module.InvokeVoidAsync("draw", _element, Series.Select(s => new { name = s.Name, x = s.X, y = s.Values }).ToArray(), YTitle, XTitle, frozen);
        }

        if (_resizeAfterTable)
        {
            _resizeAfterTable = false;
            await (await Module()).InvokeVoidAsync("resize", _element);
        }
    }

    private void ToggleTable()
    {
        _showTable = !_showTable;
        _resizeAfterTable = !_showTable;
        _stateChanged = true;
    }

    private async Task DownloadCsv() => await Export(module => module.InvokeVoidAsync("downloadText", TestId + ".csv", Table.ToCsv(), "text/csv").AsTask());

    private async Task DownloadPng() => await Export(module => module.InvokeVoidAsync("png", _element, Title, TestId + ".png").AsTask());

    private async Task<IJSObjectReference> Module() => _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/chart.js");

    /// <summary>Runs a download in the browser; a failure is shown under the chart instead of breaking the page.</summary>
    private async Task Export(Func<IJSObjectReference, Task> download)
    {
        _busy = true;
        _error = null;
        _stateChanged = true;
        try
        {
            await download(await Module());
        }
        catch (JSException e)
        {
            _error = $"The download failed: {e.Message}";
        }
        finally
        {
            _busy = false;
            _stateChanged = true;
        }
    }
}
