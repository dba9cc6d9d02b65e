using System.Globalization;
using System.Security.Cryptography;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulations;

namespace BufferLab.Simulator.Cli;

/// <summary>What `run`, `sweep` and `replay` share: the scenario (with the systems' choices, --variant, --mode, --reader and FUSE's mount, written into its text) and the seed.</summary>
public static class RunOptions
{
    /// <summary>--seed and one option per choice a system takes, named as the catalogue names them (the hub's and the pages' keys).</summary>
    public static readonly string[] Names = ["--seed", .. SystemCatalog.ChoiceKeys.Select(key => "--" + key)];

    /// <summary>
    /// The document with the options that choose what runs (--variant, --mode, --reader, --page, --maxmsg, ...) written
    /// into its <c>options</c>; a value or an option its system does not take is refused in the
    /// words the hub and the pages use.
    /// </summary>
    public static ScenarioDocument Apply(ScenarioDocument document, CliArguments args)
    {
        Dictionary<string, string?> values = SystemCatalog.ChoiceKeys.ToDictionary(key => key, key => args.Option("--" + key), StringComparer.Ordinal);
        ISystemChoices choices;
        try
        {
            choices = SystemCatalog.Choices(document.Scenario, values);
        }
        catch (ChoiceException e)
        {
            throw new CliException(e.Message);
        }

        foreach ((string path, string value) in choices.ToFile())
        {
            document = ScenarioResolver.With(document, path, value);
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
