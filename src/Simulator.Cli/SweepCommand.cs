using System.Globalization;
using System.Text;
using System.Text.Json;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Cli;

/// <summary>
/// `sweep NAME|FILE --set PATH=V1,V2,... [--set ...]`: runs the cross product of the values on one
/// seed, one row per run (a table, JSON or CSV). Every variant is validated before any runs.
/// </summary>
public static class SweepCommand
{
    public const string Usage = "sweep NAME|FILE --set PATH=V1,V2,... [--set ...] [--seed N] [--format table|json|csv]";
    public const int MaxRuns = 256;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Run(CliArguments args, TextWriter output, CancellationToken cancel)
    {
        if (args.Positional.Count != 1 || args.All("--set").Count == 0)
        {
            throw new CliException("usage: " + Usage);
        }

        string format = args.Choice("--format", "table", "table", "json", "csv");
        ScenarioDocument baseDocument = RunOptions.Apply(ScenarioResolver.Resolve(args.Positional[0]), args);
        List<(string Path, string[] Values)> axes = [.. args.All("--set").Select(Axis)];
        long runs = axes.Aggregate(1L, (n, a) => n * a.Values.Length);
        if (runs > MaxRuns)
        {
            throw new CliException($"the sweep would make {runs} runs; at most {MaxRuns}");
        }

        ulong seed = RunOptions.Seed(args, baseDocument);
        List<(string[] Values, ScenarioDocument Document)> variants = [.. Combinations(axes).Select(values => (values, Variant(baseDocument, axes, values)))];
        var rows = new List<(string[] Values, RunReport Report)>();
        foreach ((string[] values, ScenarioDocument document) in variants)
        {
            using var run = new Run(document.Scenario, seed, Engine.Simulation.Run.MaxSteps, cancel: cancel);
            run.RunToEnd();
            rows.Add((values, RunReport.From(run)));
        }

        string[] metrics = [.. rows.SelectMany(r => r.Report.Metrics).Where(kv => kv.Value is IConvertible).Select(kv => kv.Key).Distinct()];
        string[] header = [.. axes.Select(a => a.Path), "steps", "virtual_us", "result", "sha256", .. metrics];
        List<string[]> cells = [.. rows.Select(r => (string[])[
            .. r.Values, r.Report.Steps.ToString(CultureInfo.InvariantCulture), r.Report.VirtualTimeMicros.ToString(CultureInfo.InvariantCulture),
            r.Report.Failure is null ? "finished" : "failed", r.Report.EventLogSha256,
            .. metrics.Select(m => r.Report.Metrics.TryGetValue(m, out object? v) ? MarkdownReport.Format(v) : ""),
        ])];
        output.Write(format switch
        {
            "json" => Json(baseDocument, seed, header, cells),
            "csv" => string.Concat(new[] { header }.Concat(cells).Select(line => string.Join(',', line.Select(Csv)) + "\n")),
            _ => Table(baseDocument, seed, header, cells),
        });
        return 0;
    }

    private static (string Path, string[] Values) Axis(string set)
    {
        int equals = set.IndexOf('=', StringComparison.Ordinal);
        string[] values = equals > 0 ? set[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries) : [];
        return equals > 0 && values.All(v => v.Length > 0)
            ? (set[..equals].Trim(), values)
            : throw new CliException($"--set takes PATH=V1,V2,..., as in --set options.maxBuffers=8,16; got '{set}'");
    }

    private static IEnumerable<string[]> Combinations(List<(string Path, string[] Values)> axes)
    {
        IEnumerable<string[]> result = [[]];
        foreach ((_, string[] values) in axes)
        {
            result = [.. result.SelectMany(prefix => values.Select(v => (string[])[.. prefix, v]))];
        }

        return result;
    }

    private static ScenarioDocument Variant(ScenarioDocument document, List<(string Path, string[] Values)> axes, string[] values)
    {
        for (int i = 0; i < axes.Count; i++)
        {
            try
            {
                document = ScenarioResolver.With(document, axes[i].Path, values[i]);
            }
            catch (CliException e)
            {
                throw new CliException($"--set {axes[i].Path}={values[i]}:\n{e.Message}", e.IsProblemList);
            }
        }

        return document;
    }

    private static string Table(ScenarioDocument document, ulong seed, string[] header, List<string[]> cells)
    {
        string[][] all = [header, .. cells.Select(c => c.Select((v, i) => header[i] == "sha256" ? v[..12] : v).ToArray())];
        int[] widths = [.. header.Select((_, i) => all.Max(row => row[i].Length))];
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"sweep of {document.Name} ({document.Scenario.System}), seed {seed}, {cells.Count} runs\n");
        foreach (string[] row in all)
        {
            text.Append(string.Join("  ", row.Select((v, i) => v.PadRight(widths[i]))).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string Json(ScenarioDocument document, ulong seed, string[] header, List<string[]> cells) =>
        JsonSerializer.Serialize(new
        {
            scenario = document.Name,
            system = document.Scenario.System,
            seed = seed.ToString(CultureInfo.InvariantCulture),
            runs = cells.Select(row => header.Zip(row).ToDictionary(p => p.First, p => p.Second)),
        }, Indented) + "\n";

    private static string Csv(string value) => value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
