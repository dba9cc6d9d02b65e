namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>
/// The theme's colours for charts (app.css's --chart-* variables, read in the browser by
/// wwwroot/js/theme.js's chartColours), and the colour behind the chart, which exported PNGs get.
/// </summary>
public sealed record ChartColours(string Foreground, string Grid, string Zero, string Background, string Card, IReadOnlyList<string> Lines)
{
    /// <summary>Until the browser answers (or when a component is rendered without one): the light theme's colours.</summary>
    public static ChartColours Fallback { get; } = new(
        "#3e4c59", "#e5e9ee", "#c9d0d8", "rgba(0,0,0,0)", "#ffffff",
        ["#2f6fdf", "#e08a1e", "#2e8b57", "#d23f3f", "#8a4fc7", "#1d8f8a", "#b07d12", "#5f6b7a", "#c2185b", "#4a5fc1"]);

    /// <summary>The <paramref name="index"/>-th line colour, round the palette.</summary>
    public string Line(int index) => Lines.Count == 0 ? Fallback.Line(index) : Lines[index % Lines.Count];
}
