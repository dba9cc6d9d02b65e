using System.Globalization;
using System.Security.Cryptography;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.StratumV2;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Cli;

/// <summary>`run NAME|FILE [--seed N] [--format text|json] [--variant faithful|fixed] [--mode current|legacy|coalescing|master|vectored|contiguous-large] [--reader std|mmap] [--log FILE]`: a scenario to its end, then a report.</summary>
public static class RunCommand
{
    public static int Run(CliArguments args, TextWriter output)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliException("usage: run NAME|FILE [--seed N] [--format text|json] [--variant faithful|fixed] [--mode current|legacy|coalescing|master|vectored|contiguous-large] [--reader std|mmap] [--log FILE]");
        }

        string format = args.Choice("--format", "text", "text", "json");
        IScenario scenario = ScenarioResolver.Resolve(args.Positional[0]);
        if (args.Option("--variant") is not null)
        {
            if (scenario is not Sv2Scenario sv2)
            {
                throw new CliException("--variant applies to Stratum V2 scenarios only");
            }

            scenario = sv2 with { Variant = args.Choice("--variant", "faithful", "faithful", "fixed") == "fixed" ? Sv2Variant.Fixed : Sv2Variant.Faithful };
        }

        if (args.Option("--mode") is not null)
        {
            IReadOnlyList<string> modes = ScenarioModes.ModesOf(scenario);
            scenario = modes.Count > 0
                ? ScenarioModes.WithMode(scenario, args.Choice("--mode", modes[0], [.. modes]))
                : throw new CliException("--mode applies to keep and fuse scenarios only");
        }

        if (args.Option("--reader") is not null)
        {
            IReadOnlyList<string> readers = ScenarioModes.ReadersOf(scenario);
            scenario = readers.Count > 0
                ? ScenarioModes.WithReader(scenario, args.Choice("--reader", readers[0], [.. readers]))
                : throw new CliException("--reader applies to filestore scenarios only");
        }

        ulong seed = ParseSeed(args.Option("--seed"));
        using var run = new Run(scenario, seed);
        run.RunToEnd();
        if (args.Option("--log") is { } logPath)
        {
            WriteLog(run, logPath);
        }

        RunReport report = RunReport.From(run);
        output.Write(format == "json" ? report.ToJson() + "\n" : ToText(report));
        return 0;
    }

    /// <summary>The given seed, or a fresh one (printed in the report) so every run can be repeated.</summary>
    private static ulong ParseSeed(string? text)
    {
        if (text is null)
        {
            return BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)
            ? seed
            : throw new CliException($"--seed must be a whole number from 0 to {ulong.MaxValue}, got '{text}'");
    }

    private static void WriteLog(Run run, string path)
    {
        try
        {
            using var writer = new StreamWriter(path);
            run.Events.WriteJsonLines(writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--log {path}: cannot write: {e.Message}");
        }
    }

    private static string ToText(RunReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine($"scenario: {report.Scenario} ({report.System})");
        text.WriteLine($"seed: {report.Seed}");
        text.WriteLine($"engine: {report.EngineVersion}");
        text.WriteLine($"steps: {report.Steps} ({report.VirtualTimeMicros} µs virtual)");
        text.WriteLine($"result: {(report.Failure is null ? "finished" : "stopped by a panic: " + report.Failure)}");
        text.WriteLine($"final: {report.Summary}");
        text.WriteLine("metrics:");
        int width = report.Metrics.Keys.Max(k => k.Length);
        foreach ((string name, object value) in report.Metrics)
        {
            string shown = value is IReadOnlyDictionary<string, int> counts ? string.Join(", ", counts.Select(kv => $"{kv.Key}: {kv.Value}")) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            text.WriteLine($"  {name.PadRight(width)}  {shown}");
        }

        text.WriteLine($"events: {report.Events}");
        text.WriteLine($"event log sha256: {report.EventLogSha256}");
        return text.ToString();
    }
}
