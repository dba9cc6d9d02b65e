using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Cli;

/// <summary>`run NAME|FILE`: a scenario to its end, then a report as text, JSON, CSV (the metrics per step) or Markdown; optionally its trace and event log.</summary>
public static class RunCommand
{
    public const string Usage = "run NAME|FILE [--seed N] [--format text|json|csv|markdown] [--variant faithful|fixed] [--mode MODE] [--reader std|mmap] [--record TRACE.yaml] [--log EVENTS.jsonl]";

    public static int Run(CliArguments args, TextWriter output, CancellationToken cancel)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliException("usage: " + Usage);
        }

        ScenarioDocument document = RunOptions.Apply(ScenarioResolver.Resolve(args.Positional[0]), args);
        return Execute(document, RunOptions.Seed(args, document), args, output, cancel);
    }

    /// <summary>Runs <paramref name="document"/> with <paramref name="seed"/> and writes what the options ask for.</summary>
    public static int Execute(ScenarioDocument document, ulong seed, CliArguments args, TextWriter output, CancellationToken cancel)
    {
        string format = args.Choice("--format", "text", "text", "json", "csv", "markdown");
        using Run run = Start(document, seed, cancel);
        using var published = new PublishedRun(run);
        MetricSamples? samples = format == "csv" ? MetricSamples.Collect(run) : null;
        published.RunToEnd();
        if (args.Option("--record") is { } tracePath)
        {
            Write(tracePath, "--record", ScenarioText.WithTrace(document.Text, seed, run.Trace));
        }

        if (args.Option("--log") is { } logPath)
        {
            Write(logPath, "--log", run.Events.ToJsonLines());
        }

        RunReport report = RunReport.From(run);
        output.Write(format switch
        {
            "json" => report.ToJson() + "\n",
            "csv" => samples!.ToCsv(),
            "markdown" => MarkdownReport.Write(report, document.Scenario.Title, document.Scenario.Description, $"Simulator.Cli run {document.FileName} --seed {seed}"),
            _ => ToText(report),
        });
        return 0;
    }

    /// <summary>Builds the run; a trace that does not fit its scenario (an entry the player cannot follow) is bad input, not a crash.</summary>
    private static Run Start(ScenarioDocument document, ulong seed, CancellationToken cancel)
    {
        try
        {
            return new Run(document.Scenario, seed, Engine.Simulation.Run.MaxSteps, cancel: cancel);
        }
        catch (FormatException e)
        {
            throw new CliException($"{document.FileName}: the trace cannot be replayed: {e.Message}");
        }
    }

    private static void Write(string path, string option, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{option} {path}: cannot write: {e.Message}");
        }
    }

    private static string ToText(RunReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine($"scenario: {report.Scenario} ({report.System})");
        text.WriteLine($"seed: {report.Seed}");
        text.WriteLine($"engine: {report.EngineVersion}");
        text.WriteLine($"steps: {report.Steps} ({report.VirtualTimeMicros} µs virtual)");
        text.WriteLine($"result: {(report.Failure is null ? "finished" : "stopped: " + report.Failure)}");
        text.WriteLine($"final: {report.Summary}");
        text.WriteLine("metrics:");
        int width = report.Metrics.Keys.Max(k => k.Length);
        foreach ((string name, object value) in report.Metrics)
        {
            text.WriteLine($"  {name.PadRight(width)}  {MarkdownReport.Format(value)}");
        }

        text.WriteLine($"events: {report.Events}");
        text.WriteLine($"event log sha256: {report.EventLogSha256}");
        return text.ToString();
    }
}
