using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Cli;

/// <summary>
/// `run NAME|FILE`: a scenario to its end (or, with --seek N, to step N), then a report as text,
/// JSON, CSV (the metrics per step) or Markdown; optionally its trace and event log (so far).
/// </summary>
public static class RunCommand
{
    public const string Usage = "run NAME|FILE [--seed N] [--format text|json|csv|markdown] [--variant faithful|fixed] [--mode MODE] [--reader std|mmap] [FUSE MOUNT] [--record TRACE.yaml] [--log EVENTS.jsonl] [--seek N]";

    /// <summary>The report's JSON options (indented, characters as they are) for the report with its seek added.</summary>
    private static readonly JsonSerializerOptions SeekJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        int? seek = SeekOption.Parse(args, format, Engine.Simulation.Run.MaxSteps);
        using Run run = Start(document, seed, cancel);
        using var published = new PublishedRun(run);
        MetricSamples? samples = format == "csv" ? MetricSamples.Collect(run) : null;
        published.RunTo(seek ?? int.MaxValue);
        if (args.Option("--record") is { } tracePath)
        {
            Write(tracePath, "--record", ScenarioText.WithTrace(document.Text, seed, run.Trace));
        }

        if (args.Option("--log") is { } logPath)
        {
            Write(logPath, "--log", run.Events.ToJsonLines());
        }

        RunReport report = RunReport.From(run);
        if (seek is { } requested)
        {
            output.Write(AtStep(run, report, new SeekedStep(requested, run.Step), format));
            return 0;
        }

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
            // No checkpoints: the run goes forward once (to its end, or to --seek's step) and never
            // back, so checkpoints would only cost copying its state every few steps.
            return new Run(document.Scenario, seed, Engine.Simulation.Run.MaxSteps, checkpoints: CheckpointBudget.None, cancel: cancel);
        }
        catch (FormatException e)
        {
            throw new CliException($"{document.FileName}: the trace cannot be replayed: {e.Message}");
        }
    }

    internal static void Write(string path, string option, string text)
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

    /// <summary>
    /// The report of the state at the step --seek reached. A run still going there is not finished,
    /// unless it ends at exactly that step: one more step tells (taken after the report and the files
    /// were made, so they show the step asked for).
    /// </summary>
    private static string AtStep(Run run, RunReport report, SeekedStep seek, string format)
    {
        if (!run.IsFinished && !run.StepOnce())
        {
            report = report with { Finished = true };
        }

        if (format == "text")
        {
            return ToText(report, seek);
        }

        JsonNode json = JsonNode.Parse(report.ToJson())!;
        json["seek"] = new JsonObject { ["requested"] = seek.Requested, ["step"] = seek.Reached, ["pastEnd"] = seek.PastEnd };
        return json.ToJsonString(SeekJson) + "\n";
    }

    private static string ToText(RunReport report, SeekedStep? seek = null)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine($"scenario: {report.Scenario} ({report.System})");
        text.WriteLine($"seed: {report.Seed}");
        text.WriteLine($"engine: {report.EngineVersion}");
        if (seek is not null)
        {
            text.WriteLine($"seek: {seek.Describe()}");
        }

        text.WriteLine($"steps: {report.Steps} ({report.VirtualTimeMicros} µs virtual)");
        text.WriteLine($"result: {(report.Failure is not null ? "stopped: " + report.Failure : report.Finished || seek is null ? "finished" : "goes on after this step")}");
        text.WriteLine(seek is null ? $"final: {report.Summary}" : $"state: {report.Summary}");
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
