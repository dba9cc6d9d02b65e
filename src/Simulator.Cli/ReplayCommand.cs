using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Cli;

/// <summary>`replay TRACE [--time-scale K] [--seek N]`: runs a recorded trace (a scenario file with a `trace:` section) with its seed; at scale 1 its event log is the recording's; --seek stops at step N as `run` does.</summary>
public static class ReplayCommand
{
    public const string Usage = "replay TRACE.yaml [--time-scale K] [--format text|json|csv|markdown] [--record TRACE.yaml] [--log EVENTS.jsonl] [--seek N]";

    public static int Run(CliArguments args, TextWriter output, CancellationToken cancel)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliException("usage: " + Usage);
        }

        ScenarioDocument document = ScenarioResolver.Load(args.Positional[0]);
        if (!document.IsTrace)
        {
            throw new CliException($"{args.Positional[0]}: has no 'trace:' section; record one with 'run NAME --record TRACE.yaml'");
        }

        if (args.Option("--time-scale") is { } scale)
        {
            if (!double.TryParse(scale, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double k) || k is < 0.001 or > 1000)
            {
                throw new CliException($"--time-scale must be a number from 0.001 to 1000, got '{scale}'");
            }

            document = ScenarioResolver.With(document, "trace.timeScale", k.ToString("R", CultureInfo.InvariantCulture));
        }

        ulong seed = document.Seed ?? throw new CliException($"{args.Positional[0]}: a trace needs the seed it was recorded with ('seed:')");
        return RunCommand.Execute(document, seed, args, output, cancel);
    }
}
