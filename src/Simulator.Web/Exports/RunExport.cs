using System.Globalization;
using System.Text.Json;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Exports;

/// <summary>
/// A page's run as one JSON document, served at <see cref="Path"/> with the page's own query (what
/// its URL holds): the scenario file with the seed and the page's choices written in (what
/// <see cref="ScenarioDownload"/> gives), the seed, the engine version, the step count, the event
/// log (the objects of its JSON lines, whose SHA-256 is <c>eventLogSha256</c>) and the metrics
/// after every step (the runner's samples). The run is made again from the file, to its end.
/// Bounded: at most <see cref="SimulationSession.MaxSteps"/> steps (the pages' limit),
/// <see cref="MaxEvents"/> events (the rest counted, and the hash still covers them) and
/// <see cref="MetricSamples.MaxRows"/> sample rows (a long run's are evenly spaced), and a scenario
/// file of at most 1 MiB: under about 20 MB at the very most. Measured on the presets at seed 1:
/// 6.4 MB for random-long (23,736 steps, 68,074 events), 1.7 MB for keep-zipf, under 1.1 MB for
/// every other one.
/// </summary>
public static class RunExport
{
    public const string Path = "/runs/export";

    public const int MaxEvents = 100_000;

    /// <summary>Named in the document so readers can tell its shape.</summary>
    public const string Format = "buffer-lab-run/1";

    /// <summary>Most exports running at once: each runs a whole simulation on a core. The next one gets 503 with Retry-After.</summary>
    public const int MaxConcurrent = 2;

    /// <summary>Seconds a refused export is told to wait.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Events written between two flushes to the client.</summary>
    private const int FlushEvery = 2_000;

    /// <summary>What the query names, checked: the scenario file (seed and choices in it), its seed and file name; or a <see cref="SessionRequestException"/>.</summary>
    public static (ScenarioDocument Document, ulong Seed) Resolve(ScenarioLibrary library, IReadOnlyDictionary<string, string?> query)
    {
        (string fileName, string text) = ScenarioDownload.Build(library, query);
        ScenarioDocument document = ScenarioFile.Parse(text, fileName);
        if (document.Seed is { } seed)
        {
            return (document, seed);
        }

        // Neither the URL nor the file named a seed: the pages then run seed 1, so the file says so.
        return (ScenarioFile.Parse(ScenarioText.WithSeed(text, 1), fileName), 1);
    }

    /// <summary>
    /// GET <see cref="Path"/>: the run as an attachment, or 400 with the reason as plain text, or 503
    /// with Retry-After when <see cref="MaxConcurrent"/> exports are running. The run stops when the
    /// client goes away or the server stops.
    /// </summary>
    public static async Task Handle(HttpContext context, SessionRegistry sessions, IHostApplicationLifetime lifetime, ExportSlots slots)
    {
        if (!await slots.Running.WaitAsync(0, context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsync($"{MaxConcurrent} runs are being exported now, the most at once; try again in {RetryAfterSeconds} s.\n");
            return;
        }

        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            await ExportAsync(context, sessions, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // the client left, or the server is stopping: the run stopped at its next step
        }
        finally
        {
            slots.Running.Release();
        }
    }

    private static async Task ExportAsync(HttpContext context, SessionRegistry sessions, CancellationToken cancel)
    {
        var query = context.Request.Query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        ScenarioDocument document;
        ulong seed;
        try
        {
            (document, seed) = Resolve(sessions.Library, query);
        }
        catch (SessionRequestException e)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"Cannot export this run: {e.Message}\n", cancel);
            return;
        }

        string name = System.IO.Path.GetFileNameWithoutExtension(document.FileName) + "-run.json";
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        // Into the response's pipe, flushed as it goes: the document is never held whole in memory.
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        await WriteAsync(json, document, seed, query, async () => await context.Response.BodyWriter.FlushAsync(cancel), cancel);
    }

    /// <summary>Runs <paramref name="document"/> with <paramref name="seed"/> to its end and writes the document; <paramref name="flush"/> is called now and then after the writer was flushed.</summary>
    public static async Task WriteAsync(Utf8JsonWriter json, ScenarioDocument document, ulong seed, IReadOnlyDictionary<string, string?> query, Func<Task> flush, CancellationToken cancel = default)
    {
        using var run = new Run(document.Scenario, seed, SimulationSession.MaxSteps, cancel: cancel);
        MetricSamples samples = MetricSamples.Collect(run); // runs it to its end
        IReadOnlyList<LoggedEvent> events = run.Events.Events;

        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("page", SystemPages.PathOf(document.Scenario.System));
        json.WriteString("query", string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value ?? "")}")));
        json.WriteString("scenarioName", document.Scenario.Name);
        json.WriteString("system", document.Scenario.System);
        json.WriteString("seed", seed.ToString(CultureInfo.InvariantCulture)); // a string: JSON numbers lose 64-bit precision
        json.WriteString("engineVersion", RunReport.CurrentEngineVersion);
        if (ViewStep(query, run.Step) is { } viewStep)
        {
            json.WriteNumber("viewStep", viewStep);
        }
        else
        {
            json.WriteNull("viewStep");
        }

        json.WriteNumber("steps", run.Step);
        json.WriteNumber("virtualTimeUs", VirtualTime.Micros(run.Clock.Elapsed));
        json.WriteBoolean("finished", run.IsFinished);
        json.WriteString("failure", run.Model.Failure);
        json.WriteString("eventLogSha256", run.Events.Sha256());
        json.WriteString("scenarioFileName", document.FileName);
        json.WriteString("scenario", document.Text);
        json.WriteStartObject("limits");
        json.WriteNumber("maxSteps", SimulationSession.MaxSteps);
        json.WriteNumber("maxEvents", MaxEvents);
        json.WriteNumber("maxSampleRows", MetricSamples.MaxRows);
        json.WriteEndObject();

        json.WriteStartObject("events");
        json.WriteNumber("total", events.Count);
        int included = Math.Min(events.Count, MaxEvents);
        json.WriteNumber("included", included);
        json.WriteBoolean("truncated", included < events.Count);
        json.WriteStartArray("items");
        for (int i = 0; i < included; i++)
        {
            json.WriteRawValue(EventLog.ToJsonLine(events[i]), skipInputValidation: true); // the log's own JSON: the hash is of exactly these lines
            if (i % FlushEvery == FlushEvery - 1)
            {
                await json.FlushAsync(cancel);
                await flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();

        WriteSamples(json, samples);
        json.WriteEndObject();
        await json.FlushAsync(cancel);
        await flush();
    }

    /// <summary>The metric samples: columns (step, time_us, then each metric with its unit) and rows of numbers (null for a value JSON cannot hold, such as NaN).</summary>
    private static void WriteSamples(Utf8JsonWriter json, MetricSamples samples)
    {
        json.WriteStartObject("samples");
        json.WriteNumber("every", samples.Every);
        json.WriteStartArray("columns");
        WriteColumn(json, "step", "steps");
        WriteColumn(json, "time_us", "µs");
        foreach ((string name, string unit) in samples.Columns)
        {
            WriteColumn(json, name, unit);
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach ((int step, long time, double[] values) in samples.Rows)
        {
            json.WriteStartArray();
            json.WriteNumberValue(step);
            json.WriteNumberValue(time);
            foreach (double value in values)
            {
                if (double.IsFinite(value))
                {
                    json.WriteNumberValue(value);
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteColumn(Utf8JsonWriter json, string name, string unit)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("unit", unit);
        json.WriteEndObject();
    }

    /// <summary>The step the page showed (its URL's), if it named one the run has.</summary>
    private static int? ViewStep(IReadOnlyDictionary<string, string?> query, int lastStep) => QueryValues.Value(query, "step") switch
    {
        "end" => lastStep,
        { } text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int step) && step <= lastStep => step,
        _ => null,
    };
}
