using System.Globalization;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Keep;

/// <summary>The sentence under the fan-out diagrams: what each run's volumes were asked for, and so what differs between them.</summary>
public static class FanOutCaption
{
    /// <summary>
    /// One clause per run; "compare with coalescing" only when no run shown coalesces (the only place
    /// that hint belongs).
    /// </summary>
    public static string For(FanOutPicture main, string mainTitle, FanOutPicture? other = null, string? otherTitle = null)
    {
        string text = other is null
            ? Clause(main, mainTitle) + "."
            : $"What differs: {Clause(main, mainTitle)}; {Clause(other, otherTitle ?? other.Mode)}.";
        if (main.Mode != "coalescing" && other?.Mode != "coalescing")
        {
            text += " Without #10541 nothing is shared: every GET reads its block from a volume itself. Compare with coalescing to see one read serve many requests.";
        }

        return text;
    }

    private static string Clause(FanOutPicture p, string title)
    {
        string reads = string.Create(CultureInfo.InvariantCulture, $"{title}: {Units.Count(p.Requests)} request{(p.Requests == 1 ? "" : "s")} cost {Units.Count(p.VolumeReads)} volume read{(p.VolumeReads == 1 ? "" : "s")} ({Units.Bytes(p.BytesRead)} read)");
        return p.Fetches == 0 ? $"{reads}, no fetch yet"
            : p.MostServed > 1 ? string.Create(CultureInfo.InvariantCulture, $"{reads}; one read served up to {p.MostServed} requests")
            : $"{reads}; each fetch served one request";
    }
}
