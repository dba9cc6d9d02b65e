using BufferLab.Simulator.Cli.Remote;

namespace BufferLab.Simulator.Cli;

/// <summary>The headless runner's commands. Exit codes: 0 success, 2 bad input (the problems on stderr, one per line; nothing runs).</summary>
public static class CliApp
{
    public const string Usage = $"""
        Buffer Lab headless runner

          validate FILE...
              Check scenario files (YAML, see docs/scenarios.md): every problem with file:line:column and field.
          {RunCommand.Usage}
              Run a scenario (a preset name or a file) to its end and report; --record writes the ops that ran as a trace file.
              --seek N stops at step N (0 to 1000000; past the run's end it stops at the end and says so) and
              reports the state there (--format text or json); --log and --record then hold what ran up to N.
          {ReplayCommand.Usage}
              Run a recorded trace again; at --time-scale 1 its event log hash is the recording's.
          {SweepCommand.Usage}
              Run every combination of the values on one seed; one row per run.
          presets
              List the built-in scenarios (the files of scenarios/).
          {MountCommand.Usage}
              Serve memfs on a real /dev/fuse mount (Linux, root) with the chosen daemon while dd writes and reads
              --total bytes in --bs blocks through it; print the kernel's INIT, its requests by opcode and size,
              GB/s, the buffers' costs per request and that the mount is gone. --record writes the kernel's
              READs and WRITEs as a FUSE trace for run/replay and the dashboard; --log writes every request (opcode,
              unique, sizes, flags, pool blocks, heap bytes, copies) as JSON lines. Exit 2 where mounting is impossible.
          sv2 replay FILE [--variant faithful|fixed]
              Replay buffer_sv2 scripts (the vectors' format) and print one state line per op.
          {RemoteCommand.Usage}
              Drive a running dashboard through its hub: open a session, step, seek, play; print the state it
              reached (--follow: every frame as it arrives, until play stops, --frames, --seconds or Ctrl+C)
              and its status (the event log's SHA-256 at the last step).
          {RemoteFollowCommand.Usage}
              Follow a presentation (the presenter's short code or follow-link code), read-only: print the
              presenter's page and every step as it arrives, until it ends, --frames, --seconds or Ctrl+C.
              Keeps following through a lost connection (another instance behind the balancer takes it).

        MODE: current|legacy|coalescing (keep), master|vectored|contiguous-large (fuse).
        FUSE MOUNT (fuse only, as the page's mount options): --page BYTES, --maxmsg MiB (or a size such as 1536KiB),
            --limit MAX_PAGES_LIMIT, --vreads on|off, --vwrites on|off.
        """;

    private static readonly string[] Outputs = ["--format", "--record", "--log"];

    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        try
        {
            return args switch
            {
                ["sv2", "replay", .. var rest] => Sv2ReplayCommand.Run(new CliArguments(rest, "--variant"), output),
                ["validate", .. var rest] => ValidateCommand.Run(new CliArguments(rest), output),
                ["run", .. var rest] => RunCommand.Run(new CliArguments(rest, [.. RunOptions.Names, .. Outputs, SeekOption.Name]), output, cancellationToken),
                ["replay", .. var rest] => ReplayCommand.Run(new CliArguments(rest, ["--time-scale", .. Outputs, SeekOption.Name]), output, cancellationToken),
                ["sweep", .. var rest] => SweepCommand.Run(new CliArguments(rest, [.. RunOptions.Names, "--set", "--format"]), output, cancellationToken),
                ["presets"] => PresetsCommand.Run(output),
                ["mount", .. var rest] => MountCommand.Run(new CliArguments(rest, [.. MountCommand.Options, .. MountCommand.Flags], MountCommand.Flags), output, cancellationToken),
                ["remote", var url, "follow", .. var rest] => RemoteFollowCommand.Run(url, new CliArguments(rest, RemoteFollowCommand.Options), output, cancellationToken),
                ["remote", .. var rest] => RemoteCommand.Run(new CliArguments(rest, RemoteCommand.Options, RemoteCommand.Flags), output, cancellationToken),
                [] or ["help"] or ["--help"] or ["-h"] => PrintUsage(output),
                _ => throw new CliException($"unknown command '{string.Join(' ', args)}'; run with --help for the commands"),
            };
        }
        catch (CliException e)
        {
            error.WriteLine(e.IsProblemList ? e.Message : $"error: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("interrupted");
            return 130;
        }
    }

    private static int PrintUsage(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }
}
