using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>What a headless run reports: enough to name, reproduce and compare it.</summary>
public sealed record RunReport(
    string Scenario,
    string System,
    string Seed,
    string EngineVersion,
    int Steps,
    long VirtualTimeMicros,
    bool Finished,
    string? Failure,
    string Summary,
    IReadOnlyDictionary<string, object> Metrics,
    int Events,
    string EventLogSha256)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The engine's version, part of a run's identity (engine version, scenario, seed).</summary>
    public static string CurrentEngineVersion { get; } =
        typeof(Run).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static RunReport From(Run run) => new(
        run.Scenario.Name,
        run.Scenario.System,
        run.Seed.ToString(CultureInfo.InvariantCulture),
        CurrentEngineVersion,
        run.Step,
        VirtualTime.Micros(run.Clock.Elapsed),
        run.IsFinished,
        run.Model.Failure,
        run.Model.Summary(),
        run.Model.ReportMetrics(),
        run.Events.Count,
        run.Events.Sha256());

    /// <summary>One JSON object; the seed is a string because JSON numbers lose 64-bit precision.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
