using System.Globalization;
using System.Text;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Plotly.Blazor;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>
/// Draws its series with Plotly.Blazor, or shows them as a table; downloads them as CSV (built
/// here, from the very series drawn) or the chart as a PNG. While the run plays, lines that only
/// grew are extended with their new points; anything else redraws the chart with plotly's react,
/// which keeps what the user did to it (legend toggles, zoom) through uirevision. Renders only when
/// its inputs or its own state changed: pages re-render up to 30 times a second while playing, and
/// a table of hundreds of rows should not be diffed each time.
/// </summary>
public sealed partial class MetricChart : IAsyncDisposable
{
    /// <summary>While extending, a line may carry points the sample no longer has; past this many a redraw drops them.</summary>
    private const int MaxDrawnPoints = 2 * SessionViewModel.MaxChartPoints;

    private static int _instances;

    private string ChartId { get; } = $"metric-chart-{Interlocked.Increment(ref _instances)}";
    private readonly List<ITrace> _data = [];
    private readonly Config _config = ChartFigure.Config();
    private readonly Config _exportConfig = new() { StaticPlot = true };
    private ElementReference _figure;
    private Plotly.Blazor.PlotlyChart? _chart;
    private Plotly.Blazor.PlotlyChart? _exportChart;
    private ChartTheme? _theme;
    private IJSObjectReference? _exports;
    private ChartColours? _colours;
    private PlotlyLayout _layout = null!;

    // What the chart in the browser shows: the series last sent, and its layout's inputs.
    private bool _plotted;
    private IReadOnlyList<ChartSeries>? _sent;
    private (string X, string Y, double? Frozen, int Zoom, ChartColours? Colours, int Lines)? _sentLayout;
    private double? _sentCursor;
    private bool _stale;
    private int[] _drawnPoints = [];
    private int _zoomRevision;
    private bool _pushing;
    private bool _pushAgain;

    private (IReadOnlyList<ChartSeries> Series, string Title, string XTitle, string YTitle, double? FrozenXMax, double? Cursor)? _rendered;
    private (IReadOnlyList<ChartSeries> Series, string XTitle, ChartTable Table)? _table;
    private (IList<ITrace> Data, PlotlyLayout Layout)? _export;
    private string _exportFile = "";
    private bool _showTable;
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

    /// <summary>The page, cascaded to every component: its step (the cursor), its paused range, and its run's names (the PNG's caption).</summary>
    [CascadingParameter]
    public SessionPageContext? Page { get; set; }

    /// <summary>Points sent to the browser so far (x and y pairs), by redraws and by extensions: what <see cref="Update"/> saves.</summary>
    internal int PointsSent { get; private set; }

    private string CaptionId => TestId + "-caption";

    private SessionViewModel? ViewModel => Page?.ViewModel;

    /// <summary>While paused, the right end of the frozen x axis (the step or virtual ms play reached), so stepping back does not rescale it.</summary>
    private double? FrozenXMax => ViewModel?.Paused is { } paused ? (XTitle == "step" ? paused.UpToStep : paused.UpToMs) : null;

    /// <summary>Where the cursor stands: the page's step (or its virtual time), else the end of the first run's lines.</summary>
    private double? CursorX => ViewModel is { } vm
        ? (XTitle == "step" ? vm.Step : vm.VirtualMs)
        : Series.Where(s => s.Run == 0 && s.X.Count > 0).Select(s => (double?)s.X[^1]).Max();

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
        if (_theme is not null)
        {
            await _theme.DisposeAsync();
        }

        await _exports.DisposeQuietlyAsync();
    }

    protected override bool ShouldRender()
    {
        var inputs = (Series, Title, XTitle, YTitle, FrozenXMax, CursorX);
        bool changed = _stateChanged || _rendered is not { } last || !ReferenceEquals(last.Series, Series) || last.Title != Title || last.XTitle != XTitle
            || last.YTitle != YTitle || last.FrozenXMax != FrozenXMax || (last.Cursor != CursorX && !(ViewModel?.Playing ?? false));
        if (changed)
        {
            _rendered = inputs;
            _stateChanged = false;
        }

        return changed;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _theme = new ChartTheme(JS);
            ChartColours colours = await _theme.WatchAsync(_figure, OnThemeChanged);
            _colours = colours;
            _layout = ChartFigure.Page(XTitle, YTitle, Series.Count, colours);
            Redraw(); // the state the chart is first plotted with (by Plotly.Blazor, once it has rendered)
            _stateChanged = true;
            StateHasChanged();
            return;
        }

        await Push();
    }

    /// <summary>Plotly.Blazor plotted the chart: from now on changes go to it.</summary>
    private void OnPlotted()
    {
        _plotted = true;
        _ = InvokeAsync(Push);
    }

    /// <summary>Brings the chart in the browser up to the inputs, one update at a time.</summary>
    private async Task Push()
    {
        if (_pushing)
        {
            _pushAgain = true;
            return;
        }

        _pushing = true;
        try
        {
            do
            {
                _pushAgain = false;
                await PushOnce();
            }
            while (_pushAgain);
        }
        catch (JSDisconnectedException)
        {
            // the circuit is gone
        }
        catch (JSException e)
        {
            // plotly refused an update: say so under the chart, and redraw it whole next time, rather than end the page's circuit
            _error = $"The chart could not be updated: {e.Message}";
            _sentLayout = null;
            _stateChanged = true;
            StateHasChanged();
        }
        finally
        {
            _pushing = false;
        }
    }

    private async Task PushOnce()
    {
        if (_chart is null || !_plotted || _showTable || _colours is not { } colours)
        {
            return;
        }

        bool playing = ViewModel?.Playing ?? false;
        var layoutInputs = (XTitle, YTitle, FrozenXMax, _zoomRevision, (ChartColours?)colours, Series.Count);
        double? cursor = CursorX;
        bool layoutSame = _sentLayout == layoutInputs;
        if (layoutSame && ReferenceEquals(_sent, Series))
        {
            if (cursor != _sentCursor && !playing)
            {
                await MoveCursor(cursor, colours);
            }

            return;
        }

        ChartExtension? extension = layoutSame && _sent is { } sent && (playing || !_stale) ? ChartExtension.Plan(sent, Series, allowStaleLast: playing) : null;
        if (extension is not null && extension.Indices.All(i => _drawnPoints[i] + extension.X[Array.IndexOf(extension.Indices, i)].Length <= MaxDrawnPoints))
        {
            _sent = Series;
            _stale |= extension.KeepsStalePoints;
            if (extension.Indices.Length > 0)
            {
                PointsSent += extension.Points;
                for (int i = 0; i < extension.Indices.Length; i++)
                {
                    _drawnPoints[extension.Indices[i]] += extension.X[i].Length;
                }

                await _chart.ExtendTraces(extension.X, extension.Y, extension.Indices);
            }

            if (cursor != _sentCursor)
            {
                await MoveCursor(cursor, colours);
            }

            return;
        }

        Redraw();
        PointsSent += _drawnPoints.Sum();
        await _chart.React();
    }

    /// <summary>Sets the figure (lines, ranges, cursor, colours) from the inputs, for plotting or a react.</summary>
    private void Redraw()
    {
        ChartColours colours = _colours ?? ChartColours.Fallback;
        _data.Clear();
        for (int i = 0; i < Series.Count; i++)
        {
            _data.Add(ChartFigure.Trace(Series, i, colours));
        }

        _layout.Height = ChartFigure.Height(Series.Count);
        _layout.XAxis[0].Title.Text = XTitle;
        _layout.YAxis[0].Title.Text = YTitle;
        ChartFigure.SetRanges(_layout, FrozenXMax, _zoomRevision);
        _layout.Shapes = ChartFigure.Cursor(CursorX, colours);
        ChartFigure.Recolour(_layout, colours);
        _drawnPoints = [.. Series.Select(s => Math.Min(s.X.Count, s.Values.Count))];
        _sent = Series;
        _sentLayout = (XTitle, YTitle, FrozenXMax, _zoomRevision, colours, Series.Count);
        _sentCursor = CursorX;
        _stale = false;
    }

    private async Task MoveCursor(double? cursor, ChartColours colours)
    {
        _sentCursor = cursor;
        await _chart!.Relayout(new Dictionary<string, object> { ["shapes"] = ChartFigure.Cursor(cursor, colours) });
    }

    /// <summary>The theme changed in the browser: the chart takes its colours (a react keeps zoom and legend state).</summary>
    private async Task OnThemeChanged(ChartColours colours)
    {
        await InvokeAsync(async () =>
        {
            _colours = colours;
            await Push();
        });
    }

    private async Task ResetZoom()
    {
        _zoomRevision++;
        await Push();
    }

    private void ToggleTable()
    {
        _showTable = !_showTable;
        _stateChanged = true;
        if (!_showTable)
        {
            _sentLayout = null; // shown again: redrawn (with whatever changed meanwhile) at its size now
        }
    }

    private async Task DownloadCsv() => await Export(async () => await (await Exports()).InvokeVoidAsync("downloadText", TestId + ".csv", Table.ToCsv(), "text/csv"));

    /// <summary>Draws the PNG's figure off screen; <see cref="OnExportPlotted"/> downloads it once plotted.</summary>
    private void DownloadPng()
    {
        if (_colours is not { } colours)
        {
            _error = "The chart has not been drawn yet.";
            _stateChanged = true;
            return;
        }

        _busy = true;
        _error = null;
        _export = ChartFigure.Export(Series, _layout, Title, Caption(), CursorX, colours);
        _exportFile = FileName();
        _stateChanged = true;
    }

    private void OnExportPlotted() => _ = InvokeAsync(async () =>
    {
        await Export(async () => await _exportChart!.DownloadImage(ImageFormat.Png, ChartFigure.ExportHeight * ChartFigure.ExportScale, ChartFigure.ExportWidth * ChartFigure.ExportScale, _exportFile));
        _export = null;
        StateHasChanged();
    });

    /// <summary>What the PNG says under its title: the run (scenario, seed, step, variant) and what it is compared with.</summary>
    private string Caption()
    {
        if (ViewModel is not { } vm)
        {
            return "";
        }

        var caption = new StringBuilder();
        if (vm is ComparedViewModel compared)
        {
            caption.Append(CultureInfo.InvariantCulture, $"{compared.ScenarioName} · ");
        }

        caption.Append(CultureInfo.InvariantCulture, $"seed {vm.Seed} · step {vm.Step:N0} of {vm.LastStep:N0}");
        if (XTitle != "step")
        {
            caption.Append(CultureInfo.InvariantCulture, $" ({vm.VirtualMs:0.###} virtual ms)");
        }

        if (vm is ComparedViewModel c)
        {
            caption.Append(CultureInfo.InvariantCulture, $" · {c.MainTitle}");
            if (c.CompareTitle is { } other)
            {
                caption.Append(CultureInfo.InvariantCulture, $" vs {other}");
            }
        }

        return caption.ToString();
    }

    /// <summary>The PNG's name (plotly adds .png): the run and step it shows, then the chart, e.g. readme-case3-seed1-step12-chart-messages.</summary>
    private string FileName()
    {
        string run = ViewModel is { } vm
            ? $"{(vm is ComparedViewModel c ? c.ScenarioName + "-" : "")}seed{vm.Seed}-step{vm.Step}-"
            : "";
        return string.Concat((run + TestId).Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '-'));
    }

    private async Task<IJSObjectReference> Exports() => _exports ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/export.js");

    /// <summary>Runs a download in the browser; a failure is shown under the chart instead of breaking the page.</summary>
    private async Task Export(Func<Task> download)
    {
        _busy = true;
        _error = null;
        _stateChanged = true;
        try
        {
            await download();
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
