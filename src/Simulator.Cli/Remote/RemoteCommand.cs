using System.Globalization;
using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Cli.Remote;

/// <summary>
/// `remote URL open SOURCE [...]`: drives a running dashboard's simulation hub with the SignalR .NET
/// client. Opens a session, applies the actions in a fixed order (speed, step, seek, back, play),
/// prints the state it reached (or, with --follow, every frame as it arrives) and the status line.
/// Bad input or a refused call exits 2, an unreachable or lost dashboard 1; each with one line.
/// </summary>
public static class RemoteCommand
{
    public const string Usage = "remote URL open NAME|FILE|--ops OPS [--capacity N] [--seed N] [--variant V] [--mode MODE] [--reader R] [--speed S] [--step N] [--seek N|end] [--back N] [--play] [--follow] [--frames N] [--seconds S]";

    public static readonly string[] Options =
        ["--ops", "--capacity", "--seed", "--variant", "--mode", "--reader", "--speed", "--step", "--seek", "--back", "--play", "--follow", "--frames", "--seconds"];

    /// <summary>Options that take no value.</summary>
    public static readonly string[] Flags = ["--play", "--follow"];

    /// <summary>The longest --follow a command may ask for, and the most frames.</summary>
    private const int MaxSeconds = 24 * 60 * 60;
    private const int MaxFrames = 1_000_000;

    public static int Run(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        RemotePlan plan = Plan(args);
        // The work runs on the thread pool: callers (tests, Program) may block on it safely.
        return Task.Run(() => ExecuteAsync(plan, output, cancellationToken), CancellationToken.None).GetAwaiter().GetResult();
    }

    private static RemotePlan Plan(CliArguments args)
    {
        if (args.Positional.Count < 2 || args.Positional[1] != "open")
        {
            throw new CliException("usage: " + Usage);
        }

        Uri hub = RemoteConnection.HubAddress(args.Positional[0]);
        string? ops = args.Option("--ops");
        string? source = args.Positional.Count switch
        {
            2 when ops is not null => null,
            3 when ops is null => args.Positional[2],
            _ => throw new CliException("open takes one scenario: a preset name, a scenario file, or --ops \"+1:5 -1\""),
        };

        var request = new OpenRequest(
            Scenario: source is not null && !File.Exists(source) ? source : null,
            Ops: ops,
            Capacity: Number(args, "--capacity", 0, int.MaxValue),
            Seed: args.Option("--seed") is { } seed ? ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) ? value : throw new CliException($"option '--seed' must be a whole number from 0 to {ulong.MaxValue}, got '{seed}'") : null,
            Variant: args.Option("--variant"),
            Mode: args.Option("--mode"),
            Reader: args.Option("--reader"),
            Yaml: source is not null && File.Exists(source) ? ScenarioResolver.Resolve(source).Text : null);

        string? seek = args.Option("--seek");
        return new RemotePlan(hub, request)
        {
            Speed = args.Option("--speed") is { } speed ? double.TryParse(speed, NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && double.IsFinite(s) ? s : throw new CliException($"option '--speed' must be a number of steps per second, got '{speed}'") : null,
            Steps = Number(args, "--step", 1, int.MaxValue),
            SeekToEnd = seek is "end",
            Seek = seek is null or "end" ? null : Number(args, "--seek", 0, int.MaxValue),
            Backs = Number(args, "--back", 1, 10_000),
            Play = args.Has("--play"),
            Follow = args.Has("--follow"),
            Frames = Number(args, "--frames", 1, MaxFrames),
            Seconds = Number(args, "--seconds", 1, MaxSeconds),
        };
    }

    private static async Task<int> ExecuteAsync(RemotePlan plan, TextWriter output, CancellationToken cancellationToken)
    {
        await using RemoteConnection connection = await RemoteConnection.ConnectAsync(plan.Hub, cancellationToken).ConfigureAwait(false);
        SessionInfo info = await connection.InvokeAsync<SessionInfo>("Open", [plan.Request], cancellationToken).ConfigureAwait(false);
        output.WriteLine($"session {info.SessionId}: {info.Scenario} ({info.System}), seed {info.Seed}, steps 0-{info.LastStep}");
        string id = info.SessionId;

        if (plan.Speed is { } speed)
        {
            await connection.InvokeAsync("Speed", [id, speed], cancellationToken).ConfigureAwait(false);
        }

        if (plan.Steps is { } steps)
        {
            await connection.InvokeAsync("Step", [id, steps], cancellationToken).ConfigureAwait(false);
        }

        if (plan.Seek is not null || plan.SeekToEnd)
        {
            await connection.InvokeAsync("Seek", [id, plan.Seek ?? info.LastStep], cancellationToken).ConfigureAwait(false);
        }

        for (int i = 0; i < (plan.Backs ?? 0); i++)
        {
            await connection.InvokeAsync("Back", [id], cancellationToken).ConfigureAwait(false);
        }

        if (plan.Play)
        {
            await connection.InvokeAsync("Play", [id], cancellationToken).ConfigureAwait(false);
        }

        await PrintFramesAsync(connection, id, plan, output, cancellationToken).ConfigureAwait(false);

        SessionStatus status = await connection.InvokeAsync<SessionStatus>("Status", [id], cancellationToken).ConfigureAwait(false);
        output.WriteLine(status.EventLogSha256 is { } sha
            ? $"finished at step {status.Step} of {status.LastStep}; event log sha256 {sha}"
            : $"at step {status.Step} of {status.LastStep}{(status.Playing ? ", playing" : "")}");
        return 0;
    }

    /// <summary>
    /// Prints the frame that shows where the session is; with --follow, every frame after it until
    /// a played run stops, --frames or --seconds are reached, or the user presses Ctrl+C.
    /// </summary>
    private static async Task PrintFramesAsync(RemoteConnection connection, string id, RemotePlan plan, TextWriter output, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (plan.Follow && plan.Seconds is { } seconds)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        int printed = 0;
        try
        {
            await foreach (Frame frame in connection.StreamAsync<Frame>("Frames", [id], stop.Token).ConfigureAwait(false))
            {
                output.WriteLine(FrameLine(frame));
                printed++;
                if (!plan.Follow || (plan.Play && !frame.Playing) || printed >= (plan.Frames ?? int.MaxValue))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // --seconds ran out: the follow ends normally.
        }
    }

    /// <summary>`step 14/14  t=0.000014 s  9a3456bc BACK MODE; ss=...`: where the run is and the system's one-line state.</summary>
    public static string FrameLine(Frame frame) =>
        string.Create(CultureInfo.InvariantCulture, $"step {frame.Step}/{frame.LastStep}  t={frame.VirtualTimeMicros / 1e6:0.000000} s  {frame.Summary}");

    private static int? Number(CliArguments args, string name, int min, int max) =>
        args.Option(name) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max ? value
        : throw new CliException($"option '{name}' must be a whole number from {min} to {max}, got '{text}'");
}
