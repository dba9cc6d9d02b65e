using System.Buffers;
using System.Net;
using System.Text.Json;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Exports;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.Tests.History;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BufferLab.Simulator.Web.Tests.Exports;

/// <summary>The run as JSON: scenario file with its seed, engine version, steps, the event log and the samples the engine collects.</summary>
public sealed class RunExportTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>, IDisposable
{
    private readonly SessionRegistry _registry = new();
    private readonly TempFolder _data = new();

    [Fact]
    public async Task TheJsonHoldsTheScenarioSeedEventsAndTheEnginesSamples()
    {
        var query = Query(("scenario", "readme-case3"), ("seed", "1"), ("step", "12"));
        using JsonDocument json = await Export(query);
        JsonElement root = json.RootElement;

        (ScenarioDocument document, ulong seed) = RunExport.Resolve(_registry.Library, query);
        using var run = new Run(document.Scenario, seed, SimulationSession.MaxSteps);
        MetricSamples samples = MetricSamples.Collect(run);

        Assert.Equal(RunExport.Format, root.GetProperty("format").GetString());
        Assert.Equal(("/stratum", "readme-case3", "stratum-v2", "1"), (root.GetProperty("page").GetString(), root.GetProperty("scenarioName").GetString(), root.GetProperty("system").GetString(), root.GetProperty("seed").GetString()));
        Assert.Equal(RunReport.CurrentEngineVersion, root.GetProperty("engineVersion").GetString());
        Assert.Equal((12, 14), (root.GetProperty("viewStep").GetInt32(), root.GetProperty("steps").GetInt32()));

        string scenario = root.GetProperty("scenario").GetString()!;
        Assert.Equal(ScenarioDownload.Build(_registry.Library, query).Text, scenario);
        Assert.Equal(1UL, ScenarioFile.Parse(scenario, "x.yaml").Seed);

        JsonElement events = root.GetProperty("events");
        Assert.Equal(run.Events.Count, events.GetProperty("total").GetInt32());
        Assert.False(events.GetProperty("truncated").GetBoolean());
        Assert.Equal(run.Events.Events.Select(EventLog.ToJsonLine), events.GetProperty("items").EnumerateArray().Select(e => e.GetRawText()));
        Assert.Equal(run.Events.Sha256(), root.GetProperty("eventLogSha256").GetString());

        JsonElement table = root.GetProperty("samples");
        Assert.Equal(["step", "time_us", .. samples.Columns.Select(c => c.Name)], table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var rows = table.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal(samples.Rows.Count, rows.Length);
        Assert.Equal(15, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal([samples.Rows[i].Step, samples.Rows[i].TimeMicros, .. samples.Rows[i].Values], rows[i]);
        }
    }

    [Theory]
    [InlineData("keep-job-start-herd", "mode", "coalescing")]
    [InlineData("bug-b4-overlap", "variant", "fixed")]
    [InlineData("fuse-bug-189", "mode", "master")]
    public async Task ItsEventLogIsThePagesRun(string scenario, string option, string value)
    {
        var query = Query(("scenario", scenario), ("seed", "3"), (option, value));
        using JsonDocument json = await Export(query);

        // What a page runs for the same URL, driven to its end.
        SimulationSession session = _registry.Open(SessionRegistry.PageOwnerPrefix + "test", new ScenarioRequest(scenario).With(option, value), 3);
        session.Seek(session.LastStep);

        Assert.Equal(session.EventLogSha256(), json.RootElement.GetProperty("eventLogSha256").GetString());
        Assert.Equal(session.LastStep, json.RootElement.GetProperty("steps").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("viewStep").ValueKind);
    }

    [Fact]
    public async Task TheEndpointServesAnAttachmentOrSaysWhatIsWrong()
    {
        using HttpClient client = factory.WithWebHostBuilder(b => b.UseSetting("BufferLab:DataFolder", _data.Path)).CreateClient();

        using HttpResponseMessage ok = await client.GetAsync(new Uri($"{RunExport.Path}?scenario=readme-case3&seed=1&step=end", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("application/json", ok.Content.Headers.ContentType!.MediaType);
        Assert.Equal("readme-case3-seed1-run.json", ok.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using JsonDocument json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.Equal(14, json.RootElement.GetProperty("viewStep").GetInt32());

        using HttpResponseMessage bad = await client.GetAsync(new Uri($"{RunExport.Path}?scenario=nope", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("Cannot export this run: unknown scenario 'nope'", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOpStringWithoutASeedIsExportedWithSeedOne()
    {
        using JsonDocument json = await Export(Query(("ops", "+1:5 +2:5 -1"), ("cap", "40")));

        Assert.Equal("1", json.RootElement.GetProperty("seed").GetString());
        Assert.Equal(1UL, ScenarioFile.Parse(json.RootElement.GetProperty("scenario").GetString()!, "x.yaml").Seed);
        Assert.Equal(3, json.RootElement.GetProperty("steps").GetInt32());
    }

    public void Dispose()
    {
        _registry.Dispose();
        _data.Dispose();
    }

    private static Dictionary<string, string?> Query(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.OrdinalIgnoreCase);

    private async Task<JsonDocument> Export(Dictionary<string, string?> query)
    {
        (ScenarioDocument document, ulong seed) = RunExport.Resolve(_registry.Library, query);
        var buffer = new ArrayBufferWriter<byte>();
        int flushes = 0;
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            await RunExport.WriteAsync(writer, document, seed, query, () => { flushes++; return Task.CompletedTask; });
        }

        Assert.True(flushes >= 1);
        return JsonDocument.Parse(buffer.WrittenMemory);
    }
}
