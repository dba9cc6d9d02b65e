using System.Globalization;

namespace BufferLab.Simulator.Web.Components.Systems.Keep;

/// <summary>
/// The lanes' time axis, from virtual 0 to <see cref="HorizonUs"/> (now, the later of two compared
/// runs, so both runs' lanes share one scale), with ticks at a round step (1, 2 or 5 times a power of ten).
/// </summary>
public sealed record LaneAxis(long HorizonUs, double StepMs, IReadOnlyList<LaneTick> Ticks)
{
    /// <summary>About this many steps between ticks (3 to 6 in practice): their labels fit a phone's width.</summary>
    public const int TargetTicks = 4;

    /// <summary>The distance between ticks as a percentage of the axis (the grid lines' period).</summary>
    public double StepPercent => 100 * StepMs * 1000 / Math.Max(1, HorizonUs);

    public static LaneAxis For(long horizonUs)
    {
        horizonUs = Math.Max(1, horizonUs);
        double spanMs = horizonUs / 1000.0;
        double step = RoundStep(spanMs / TargetTicks);
        var ticks = new List<LaneTick>();
        for (int i = 0; i * step <= spanMs * (1 + 1e-9); i++)
        {
            double t = i * step;
            ticks.Add(new LaneTick(100 * t / spanMs, Label(t, step)));
        }

        return new LaneAxis(horizonUs, step, ticks);
    }

    private static double RoundStep(double rough)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(rough, 1e-3))));
        double scaled = rough / power;
        return power * (scaled < 1.5 ? 1 : scaled < 3.5 ? 2 : scaled < 7.5 ? 5 : 10);
    }

    private static string Label(double ms, double step) =>
        step >= 1000 ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.#} s")
        : step >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{ms:0.###} ms");
}
