using System.Globalization;
using System.Text;

namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>A short Markdown summary of a run for a design review: what ran, how to run it again, what it did.</summary>
public static class MarkdownReport
{
    public static string Write(RunReport report, string title, string description, string reproduce)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {title}\n\n{description}\n\n");
        md.Append("| | |\n|---|---|\n");
        md.Append(CultureInfo.InvariantCulture, $"| scenario | `{report.Scenario}` ({report.System}) |\n");
        md.Append(CultureInfo.InvariantCulture, $"| seed | {report.Seed} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| engine | {report.EngineVersion} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| steps | {report.Steps:N0} ({report.VirtualTimeMicros:N0} µs virtual) |\n");
        md.Append(CultureInfo.InvariantCulture, $"| result | {(report.Failure is null ? (report.Finished ? "finished" : "stopped at the step limit") : "stopped: " + Escape(report.Failure))} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| final state | {Escape(report.Summary)} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| event log | {report.Events:N0} events, sha256 `{report.EventLogSha256}` |\n\n");
        md.Append("## Metrics at the end\n\n| metric | value |\n|---|---|\n");
        foreach ((string name, object value) in report.Metrics)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {name} | {Escape(Format(value))} |\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"\nRun it again: `{reproduce}`\n");
        return md.ToString();
    }

    /// <summary>A metric as text: numbers invariant, dictionaries as `key: value` pairs.</summary>
    public static string Format(object value) => value switch
    {
        System.Collections.IDictionary map => string.Join(", ", map.Keys.Cast<object>().Select(k => $"{k}: {Format(map[k]!)}")),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
