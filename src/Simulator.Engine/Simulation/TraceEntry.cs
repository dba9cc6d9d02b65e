using System.Globalization;

namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>One operation a workload actor performed: when (virtual time), who, and the op in its system's op grammar.</summary>
public sealed record TraceEntry(TimeSpan At, string Actor, string Op)
{
    /// <summary>`MICROS ACTOR OP`, as trace files hold it (microseconds with one decimal: the clock's 100 ns ticks).</summary>
    public override string ToString() => $"{At.TotalMicroseconds.ToString("0.#", CultureInfo.InvariantCulture)} {Actor} {Op}";

    /// <summary>Parses <see cref="ToString"/>'s form; null and an error when it is not that.</summary>
    public static TraceEntry? TryParse(string line, out string? error)
    {
        error = null;
        string[] parts = line.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3)
        {
            error = "expected 'MICROS ACTOR OP', as in '10.5 client-3 g2'";
            return null;
        }

        if (!double.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double micros) || micros > 1e13)
        {
            error = $"the time must be microseconds from 0 to 1e13, got '{parts[0]}'";
            return null;
        }

        return new TraceEntry(VirtualTime.FromMicros(micros), parts[1], parts[2]);
    }
}
