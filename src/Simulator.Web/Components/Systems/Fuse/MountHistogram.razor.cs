using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>
/// Bars of READ and WRITE requests by size class (128 KiB, 1 MiB and 4 MiB always shown, at zero when none came), in the theme's colours (the first two chart
/// colours, as the FUSE page's lines). A handful of classes, so each change redraws the figure
/// with plotly's react rather than extending it.
/// </summary>
public sealed partial class MountHistogram : IAsyncDisposable
{
    /// <summary>The sizes the FUSE page is about: a buffered read's 128 KiB readahead, master's 1 MiB, PR #198's 4 MiB.</summary>
    private static readonly long[] Landmarks = [128 << 10, 1 << 20, 4 << 20];

    private readonly List<ITrace> _data = [];
    private readonly Config _config = new() { DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False, DisplayLogo = false, Responsive = true };
    private ElementReference _figure;
    private Plotly.Blazor.PlotlyChart? _chart;
    private ChartTheme? _theme;
    private ChartColours? _colours;
    private readonly PlotlyLayout _layout = new()
    {
        Height = 280,
        AutoSize = true,
        BarMode = BarModeEnum.Group,
        Margin = new Margin { L = 52, R = 12, T = 30, B = 44 },
        UiRevision = "size-histogram",
        Legend = [new Plotly.Blazor.LayoutLib.Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, X = 0, Y = 1.02m, YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom }],
        XAxis = [new XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category, Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "request size (up to)" } }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "requests" }, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }],
    };
    private bool _plotted;
    private IReadOnlyList<SizeBucket>? _drawn;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Parameter, EditorRequired]
    public IReadOnlyList<SizeBucket> Buckets { get; set; } = [];

    [Parameter]
    public string Title { get; set; } = "READ and WRITE requests by size";

    public async ValueTask DisposeAsync()
    {
        if (_theme is not null)
        {
            await _theme.DisposeAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _theme = new ChartTheme(JS);
            _colours = await _theme.WatchAsync(_figure, OnThemeChanged);
            Redraw();
            StateHasChanged();
            return;
        }

        if (_plotted && _drawn is { } drawn && !drawn.SequenceEqual(Buckets))
        {
            await Push();
        }
    }

    /// <summary>Plotly has drawn the first figure; counts that changed meanwhile (the page renders no more once a run ends) are drawn now.</summary>
    private void OnPlotted()
    {
        _plotted = true;
        _ = InvokeAsync(async () =>
        {
            if (_drawn is { } drawn && !drawn.SequenceEqual(Buckets))
            {
                await Push();
            }
        });
    }

    private async Task OnThemeChanged(ChartColours colours) => await InvokeAsync(async () =>
    {
        _colours = colours;
        await Push();
    });

    private async Task Push()
    {
        if (_chart is null)
        {
            return;
        }

        Redraw();
        try
        {
            await _chart.React();
        }
        catch (JSDisconnectedException)
        {
            // the circuit is gone
        }
    }

    /// <summary>Sets the figure from the buckets and the theme's colours.</summary>
    private void Redraw()
    {
        ChartColours colours = _colours ?? ChartColours.Fallback;
        // the landmark sizes always have their place, so "none at 128 KiB" shows as much as "all at 4 MiB"
        long[] classes = [.. Buckets.Select(b => b.UpToBytes).Union(Landmarks).Order()];
        string[] sizes = [.. classes.Select(c => Units.Bytes(c))];
        Dictionary<long, SizeBucket> byClass = Buckets.ToDictionary(b => b.UpToBytes);
        _data.Clear();
        _data.Add(Bars("READ", sizes, classes.Select(c => byClass.TryGetValue(c, out SizeBucket? b) ? b.Reads : 0), colours.Line(0)));
        _data.Add(Bars("WRITE", sizes, classes.Select(c => byClass.TryGetValue(c, out SizeBucket? b) ? b.Writes : 0), colours.Line(1)));
        // the same layout object each time: the chart holds it as its parameter, and react reads it
        _layout.Font = new Font { Color = colours.Foreground };
        _layout.PaperBgColor = colours.Background;
        _layout.PlotBgColor = colours.Background;
        _layout.XAxis[0].GridColor = colours.Grid;
        _layout.YAxis[0].GridColor = colours.Grid;
        _layout.YAxis[0].ZeroLineColor = colours.Zero;
        _drawn = [.. Buckets];
    }

    private static Bar Bars(string name, string[] sizes, IEnumerable<int> counts, string colour) => new()
    {
        Name = name,
        UId = "size-" + name,
        X = [.. sizes],
        Y = [.. counts.Select(c => (object)c)],
        Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = colour },
        HoverTemplate = "%{y} " + name + "s of up to %{x}<extra></extra>",
    };
}
