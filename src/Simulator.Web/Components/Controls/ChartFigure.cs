using BufferLab.Simulator.Web.ViewModels;
using Plotly.Blazor;
using PlotlyLayout = Plotly.Blazor.Layout;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>
/// A <see cref="MetricChart"/>'s plotly figure, declared in C#: its lines (step-shaped, as a metric
/// holds its value until the next step changes it), its layout on the page, and the layout of its
/// PNG. How lines are told apart: one colour per line, or, when a page compares two runs, one
/// colour per run on every chart of the page; a dash pattern per line of a run, so lines that
/// coincide still show each other through the gaps; and the compared run drawn thinner over the
/// first run's thicker line, so where the runs agree both colours stay visible.
/// </summary>
internal static class ChartFigure
{
    /// <summary>
    /// Height of a chart on the page, in CSS pixels: taller with more lines, whose legend entries
    /// take rows of their own on a narrow screen (four lines of two runs at 390 px: four rows).
    /// </summary>
    public static int Height(int lines) => 200 + (20 * Math.Max(2, lines));

    /// <summary>The PNG's size in CSS pixels (drawn at <see cref="ExportScale"/> times the pixels).</summary>
    public const int ExportWidth = 900;

    public const int ExportHeight = 460;

    /// <summary>Plotly.Blazor's downloadImage has no scale option: the PNG's layout is drawn this many times larger instead.</summary>
    public const int ExportScale = 2;

    /// <summary>Bumped by reset zoom: an axis whose uirevision changes drops the user's zoom, and nothing else.</summary>
    private const string LayoutRevision = "metric-chart";

    private static readonly string[] Dashes = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"];

    /// <summary>The line for <paramref name="series"/>[<paramref name="index"/>], with x and y as lists Plotly.Blazor can extend.</summary>
    public static Scatter Trace(IReadOnlyList<ChartSeries> series, int index, ChartColours colours, decimal scale = 1)
    {
        ChartSeries s = series[index];
        bool comparing = series.Any(l => l.Run != s.Run);
        int inRun = series.Take(index).Count(l => l.Run == s.Run);
        return new Scatter
        {
            Name = s.Name,
            UId = Uid(s.Name), // what keeps a line's legend state across redraws (uirevision matches lines by uid)
            X = [.. s.X.Select(x => (object)x)],
            Y = [.. s.Values.Select(y => (object)y)],
            Mode = ModeFlag.Lines,
            Line = new Plotly.Blazor.Traces.ScatterLib.Line
            {
                Shape = Plotly.Blazor.Traces.ScatterLib.LineLib.ShapeEnum.Hv,
                Color = comparing ? colours.Line(s.Run) : colours.Line(index),
                Dash = Dashes[inRun % Dashes.Length],
                Width = scale * (!comparing ? 2 : s.Run == 0 ? 3.5m : 1.5m),
            },
        };
    }

    /// <summary>
    /// A line's uid, from its name: plotly also uses it in CSS selectors (a class "cb" + uid, when a
    /// line is removed), so only letters, digits and dashes, plus a hash of the name to keep apart
    /// names that differ only in what was replaced.
    /// </summary>
    public static string Uid(string name)
    {
        uint hash = 2166136261; // FNV-1a
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16777619;
        }

        string slug = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        return $"line-{slug}-{hash:x8}";
    }

    /// <summary>The layout on the page: legend above the plot, unified hover, the cursor at the step shown.</summary>
    public static PlotlyLayout Page(string xTitle, string yTitle, int lines, ChartColours colours)
    {
        var layout = new PlotlyLayout
        {
            Height = Height(lines),
            AutoSize = true,
            Margin = new Margin { L = 52, R = 12, T = 30, B = 40 },
            HoverMode = HoverModeEnum.XUnified,
            UiRevision = LayoutRevision, // legend toggles (and zoom) survive redraws while it stays the same
            Legend = [new Plotly.Blazor.LayoutLib.Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, X = 0, Y = 1.02m, YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom }],
            XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle }, ZeroLine = false, HoverFormat = ",.6~r", UiRevision = 0 }],
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle }, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero, ExponentFormat = Plotly.Blazor.LayoutLib.YAxisLib.ExponentFormatEnum.SI, HoverFormat = yTitle == "bytes" ? ".4~s" : ",.4~r", UiRevision = 0 }],
            Shapes = [],
        };
        Recolour(layout, colours);
        return layout;
    }

    /// <summary>Applies the theme's colours to <paramref name="layout"/> (the lines get theirs from <see cref="Trace"/>).</summary>
    public static void Recolour(PlotlyLayout layout, ChartColours colours)
    {
        layout.Font = new Font { Color = colours.Foreground, Size = layout.Font?.Size };
        layout.PaperBgColor = colours.Background;
        layout.PlotBgColor = colours.Background;
        layout.HoverLabel = new Plotly.Blazor.LayoutLib.HoverLabel { BgColor = colours.Card, BorderColor = colours.Grid, Font = new Plotly.Blazor.LayoutLib.HoverLabelLib.Font { Color = colours.Foreground } };
        layout.XAxis[0].GridColor = colours.Grid;
        layout.YAxis[0].GridColor = colours.Grid;
        layout.YAxis[0].ZeroLineColor = colours.Zero;
        foreach (Shape shape in layout.Shapes ?? [])
        {
            shape.Line.Color = colours.Foreground;
        }
    }

    /// <summary>
    /// The x axis: fixed at [0, <paramref name="frozenXMax"/>] while the run is paused (stepping back
    /// does not rescale it), else fitted to the lines; <paramref name="zoomRevision"/> changes to drop a zoom.
    /// </summary>
    public static void SetRanges(PlotlyLayout layout, double? frozenXMax, int zoomRevision)
    {
        XAxis x = layout.XAxis[0];
        if (frozenXMax is { } max)
        {
            x.Range = [0d, Math.Max(max, 1e-9)];
            x.AutoRange = Plotly.Blazor.LayoutLib.XAxisLib.AutoRangeEnum.False;
        }
        else
        {
            x.Range = null;
            x.AutoRange = Plotly.Blazor.LayoutLib.XAxisLib.AutoRangeEnum.True;
        }

        x.UiRevision = zoomRevision;
        layout.YAxis[0].UiRevision = zoomRevision;
        layout.YAxis[0].AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.True;
    }

    /// <summary>The vertical line at the step (or virtual moment) shown; none when there is nothing to point at.</summary>
    public static IList<Shape> Cursor(double? x, ChartColours colours, decimal scale = 1) => x is not { } at ? [] :
    [
        new Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
            Name = "cursor",
            XRef = "x",
            YRef = "paper",
            X0 = at,
            X1 = at,
            Y0 = 0,
            Y1 = 1,
            Opacity = 0.7m,
            Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Above,
            Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = colours.Foreground, Width = 1.25m * scale, Dash = "dot" },
        },
    ];

    /// <summary>
    /// The PNG's figure: the chart's title and a caption (scenario, seed, step, variant) at the top,
    /// the legend below the plot so it never covers the title, on the card's colour, at
    /// <see cref="ExportScale"/> times the pixels.
    /// </summary>
    public static (IList<ITrace> Data, PlotlyLayout Layout) Export(IReadOnlyList<ChartSeries> series, PlotlyLayout page, string title, string caption, double? cursor, ChartColours colours)
    {
        const decimal k = ExportScale;
        var data = Enumerable.Range(0, series.Count).Select(i => (ITrace)Trace(series, i, colours, k)).ToList();
        XAxis pageX = page.XAxis[0];
        YAxis pageY = page.YAxis[0];
        var layout = new PlotlyLayout
        {
            Width = ExportWidth * k,
            Height = ExportHeight * k,
            Font = new Font { Color = colours.Foreground, Size = 12 * k },
            PaperBgColor = colours.Card,
            PlotBgColor = colours.Card,
            Margin = new Margin { L = 64 * k, R = 24 * k, T = 78 * k, B = 112 * k },
            Title = new Title
            {
                Text = title,
                X = 0.02m,
                XAnchor = Plotly.Blazor.LayoutLib.TitleLib.XAnchorEnum.Left,
                Y = 0.97m,
                YAnchor = Plotly.Blazor.LayoutLib.TitleLib.YAnchorEnum.Top,
                Font = new Plotly.Blazor.LayoutLib.TitleLib.Font { Size = 17 * k, Color = colours.Foreground },
                Subtitle = new Plotly.Blazor.LayoutLib.TitleLib.Subtitle { Text = caption, Font = new Plotly.Blazor.LayoutLib.TitleLib.SubtitleLib.Font { Size = 12 * k, Color = colours.Foreground } },
            },
            Legend =
            [
                new Plotly.Blazor.LayoutLib.Legend
                {
                    Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
                    X = 0,
                    Y = 0.02m,
                    YRef = Plotly.Blazor.LayoutLib.LegendLib.YRefEnum.Container,
                    YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom,
                    Font = new Plotly.Blazor.LayoutLib.LegendLib.Font { Size = 12 * k },
                },
            ],
            XAxis =
            [
                new XAxis
                {
                    Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = pageX.Title?.Text },
                    ZeroLine = false,
                    GridColor = colours.Grid,
                    Range = pageX.Range,
                    AutoRange = pageX.AutoRange,
                },
            ],
            YAxis =
            [
                new YAxis
                {
                    Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = pageY.Title?.Text },
                    RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero,
                    ExponentFormat = Plotly.Blazor.LayoutLib.YAxisLib.ExponentFormatEnum.SI,
                    GridColor = colours.Grid,
                    ZeroLineColor = colours.Zero,
                },
            ],
            Shapes = Cursor(cursor, colours, k),
        };
        return (data, layout);
    }

    /// <summary>Plotly's options: no mode bar (the card's own tools replace it), sized to its box.</summary>
    public static Config Config() => new()
    {
        DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False,
        DisplayLogo = false,
        Responsive = true,
    };
}
