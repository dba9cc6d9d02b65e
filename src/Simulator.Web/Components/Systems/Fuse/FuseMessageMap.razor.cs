using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>Draws a <see cref="MessageMap"/> and keeps the part last hovered or focused, whose details it shows as text.</summary>
public sealed partial class FuseMessageMap
{
    private string? _chosen, _title, _details;

    [Parameter, EditorRequired]
    public MessageMap Map { get; set; } = null!;

    [Parameter]
    public string Prefix { get; set; } = "";

    private static string Pct(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private static string Place(double x, double width) => $"left: {Pct(x)}; width: {Pct(width)}";

    /// <summary>
    /// A band as a box from its leftmost to its rightmost edge, cut to a trapezoid by clip-path
    /// (HTML rather than SVG, so a PNG export, which copies computed styles, keeps its colour).
    /// </summary>
    private static string Band(MapBand band)
    {
        double left = Math.Min(band.TopX, band.BottomX);
        double right = Math.Max(band.TopX + band.TopWidth, band.BottomX + band.BottomWidth);
        double width = Math.Max(right - left, 0.001);
        string At(double x) => ((x - left) / width * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
        return $"{Place(left, width)}; clip-path: polygon({At(band.TopX)} 0, {At(band.TopX + band.TopWidth)} 0, {At(band.BottomX + band.BottomWidth)} 100%, {At(band.BottomX)} 100%)";
    }

    /// <summary>A piece's place inside its frame, in percent of the frame.</summary>
    private static string Inside(MapBox frame, MapBox piece) =>
        Place(frame.Width <= 0 ? 0 : (piece.X - frame.X) / frame.Width * 100, frame.Width <= 0 ? 0 : piece.Width / frame.Width * 100);

    private string Chosen(string id) => id == _chosen ? "chosen" : "";

    private void Show(string id, string title, string details) => (_chosen, _title, _details) = (id, title, details);
}
