using System.Globalization;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// The engine's <see cref="AliveAtPeak"/> as the "alive at the peak" panel shows it: the peak in
/// human units, and only the first <see cref="MaxHoldings"/> holdings (a herd can hold hundreds),
/// with how many more there were.
/// </summary>
public sealed record PeakView(string Measure, long PeakBytes, int Step, long TimeMicros, IReadOnlyList<PeakHolding> Holdings, int More)
{
    /// <summary>Most holdings listed; the rest are counted.</summary>
    public const int MaxHoldings = 12;

    /// <summary>Every holding the engine recorded, shown or not.</summary>
    public int HoldingCount => Holdings.Count + More;

    public string PeakText => Units.Bytes(PeakBytes);

    /// <summary>Virtual time of the peak, in the unit that reads best.</summary>
    public string TimeText => TimeMicros < 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{TimeMicros} µs")
        : Units.Ms(TimeMicros / 1000.0);

    /// <summary>Most holders named in one row: a #10541 buffer can be shared by a hundred requests.</summary>
    public const int MaxHolders = 6;

    /// <summary>
    /// <paramref name="holder"/> (holders separated by ", ", as the engine lists sharers) cut to
    /// <see cref="MaxHolders"/> names, and how many more there were; commas inside parentheses do not separate.
    /// </summary>
    public static (string Shown, int More) ShortHolder(string holder)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < holder.Length; i++)
        {
            depth += holder[i] switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (depth == 0 && holder[i] == ',' && i + 1 < holder.Length && holder[i + 1] == ' ')
            {
                parts.Add(holder[start..i]);
                start = i + 2;
            }
        }

        parts.Add(holder[start..]);
        return parts.Count <= MaxHolders ? (holder, 0) : (string.Join(", ", parts.Take(MaxHolders)), parts.Count - MaxHolders);
    }

    /// <summary>The panel's view of <paramref name="peak"/>, or null before anything was held.</summary>
    public static PeakView? From(AliveAtPeak? peak) => peak is null
        ? null
        : new PeakView(peak.Measure, peak.PeakBytes, peak.Step, peak.TimeMicros, [.. peak.Holdings.Take(MaxHoldings)], Math.Max(0, peak.Holdings.Count - MaxHoldings));
}
