namespace BufferLab.Simulator.Cli;

/// <summary>The headless runner's commands. Exit codes: 0 success, 2 bad input (one line on stderr).</summary>
public static class CliApp
{
    public const string Usage = """
        Buffer Lab headless runner

          sv2 replay FILE [--variant faithful|fixed]
              Replay buffer_sv2 scripts (the vectors' format) and print one state line per op.
          run NAME|FILE [--seed N] [--format text|json] [--variant faithful|fixed] [--mode current|legacy|coalescing|master|vectored|contiguous-large] [--reader std|mmap] [--log FILE]
              Run a scenario to its end and print a report (FILE: a script in the vectors' format).
          presets
              List the built-in scenarios.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return args switch
            {
                ["sv2", "replay", .. var rest] => ReplayCommand.Run(new CliArguments(rest, "--variant"), output),
                ["run", .. var rest] => RunCommand.Run(new CliArguments(rest, "--seed", "--format", "--variant", "--mode", "--reader", "--log"), output),
                ["presets"] => PresetsCommand.Run(output),
                [] or ["help"] or ["--help"] or ["-h"] => PrintUsage(output),
                _ => throw new CliException($"unknown command '{string.Join(' ', args)}'; run with --help for the commands"),
            };
        }
        catch (CliException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static int PrintUsage(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }
}
