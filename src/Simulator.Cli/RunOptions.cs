using System.Globalization;
using System.Security.Cryptography;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Cli;

/// <summary>What `run`, `sweep` and `replay` share: the scenario (with --variant, --mode and --reader written into its text) and the seed.</summary>
public static class RunOptions
{
    public static readonly string[] Names = ["--seed", "--variant", "--mode", "--reader"];

    /// <summary>The document with the options that choose what runs written into its <c>options</c>.</summary>
    public static ScenarioDocument Apply(ScenarioDocument document, CliArguments args)
    {
        string system = document.Scenario.System;
        if (args.Option("--variant") is not null)
        {
            document = system == "stratum-v2"
                ? ScenarioResolver.With(document, "options.variant", args.Choice("--variant", "faithful", "faithful", "fixed"))
                : throw new CliException("--variant applies to stratum-v2 scenarios only");
        }

        if (args.Option("--mode") is not null)
        {
            IReadOnlyList<string> modes = ScenarioModes.ModesOf(document.Scenario);
            document = modes.Count > 0
                ? ScenarioResolver.With(document, "options.mode", args.Choice("--mode", modes[0], [.. modes]))
                : throw new CliException("--mode applies to keep and fuse scenarios only");
        }

        if (args.Option("--reader") is not null)
        {
            IReadOnlyList<string> readers = ScenarioModes.ReadersOf(document.Scenario);
            document = readers.Count > 0
                ? ScenarioResolver.With(document, "options.reader", args.Choice("--reader", readers[0], [.. readers]))
                : throw new CliException("--reader applies to filestore scenarios only");
        }

        return document;
    }

    /// <summary>--seed, else the file's seed, else a fresh one (printed in the report) so every run can be repeated.</summary>
    public static ulong Seed(CliArguments args, ScenarioDocument document)
    {
        if (args.Option("--seed") is not { } text)
        {
            return document.Seed ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)
            ? seed
            : throw new CliException($"--seed must be a whole number from 0 to {ulong.MaxValue}, got '{text}'");
    }
}
