using System.Globalization;

namespace BufferLab.Simulator.Cli;

/// <summary>`run … --seek N`: the run stops at step N and the report is the state there, not at the end.</summary>
public static class SeekOption
{
    public const string Name = "--seek";

    /// <summary>
    /// The step --seek asks for, null without it: a whole number from 0 to the run's step limit
    /// (<paramref name="stepLimit"/>). Only as text or JSON: CSV (the metrics of every step to the
    /// end) and Markdown (a whole run for a review) describe a run that went to its end.
    /// </summary>
    public static int? Parse(CliArguments args, string format, int stepLimit)
    {
        if (args.Option(Name) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int step) || step > stepLimit)
        {
            throw new CliException($"{Name} must be a whole number from 0 to {stepLimit} (the run's step limit), got '{text}'");
        }

        return format is "text" or "json"
            ? step
            : throw new CliException($"{Name} prints the state at one step as --format text or json; --format {format} reports a whole run");
    }
}
