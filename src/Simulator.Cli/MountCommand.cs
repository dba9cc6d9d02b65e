using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;
using BufferLab.Simulator.Engine.Systems.Fuse.Mount;

namespace BufferLab.Simulator.Cli;

/// <summary>
/// `mount`: the daemon serves memfs on a real /dev/fuse mount while dd writes and reads through it;
/// prints what the kernel sent and what the buffers did, and that the mount is gone. Exit 0 when
/// every transfer arrived intact, 1 when one did not or the run stopped early, 2 for bad options
/// or a machine that cannot mount (one line saying why).
/// </summary>
public static class MountCommand
{
    public const string Usage = "mount [--mode master|vectored|contiguous-large] [--bs SIZE] [--total SIZE] [--direct] [--read|--write] [--no-writeback] "
        + "[--max-pages-limit N] [--max-message-size SIZE] [--timeout SECONDS] [--record TRACE.yaml] [--log REQUESTS.jsonl] [--format text|json]";

    public static readonly string[] Options = ["--mode", "--bs", "--total", "--max-pages-limit", "--max-message-size", "--timeout", "--record", "--log", "--format"];

    public static readonly string[] Flags = ["--direct", "--read", "--write", "--no-writeback"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static readonly JsonSerializerOptions Line = new(JsonSerializerDefaults.Web);

    public static int Run(CliArguments args, TextWriter output, CancellationToken cancel)
    {
        if (args.Positional.Count != 0)
        {
            throw new CliException($"mount takes no file or name, got '{args.Positional[0]}'; usage: {Usage}");
        }

        string format = args.Choice("--format", "text", "text", "json");
        MountOptions options = Parse(args);
        if (FieldProblem.FirstOf(options.Problems()) is { } problem)
        {
            throw new CliException(problem);
        }

        if (RealMount.Unavailable() is { } reason)
        {
            throw new CliException($"cannot mount here: {reason}");
        }

        var session = new MountSession(options);
        MountReport report;
        try
        {
            report = session.Run(cancel);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            throw new CliException($"mount: {e.Message}", exitCode: 1); // busy (another run holds the lock), or the system refused
        }

        IReadOnlyList<RequestRecord> requests = session.Server?.Requests ?? [];
        if (args.Option("--record") is { } path)
        {
            RunCommand.Write(path, "--record", MountRecording.ToScenarioText(options, requests));
        }

        if (args.Option("--log") is { } log)
        {
            // Every request the kernel sent, one JSON object a line: opcode, unique, sizes, flags, and what the buffers did.
            RunCommand.Write(log, "--log", string.Concat(requests.Select(r => JsonSerializer.Serialize(r, Line) + "\n")));
        }

        output.Write(format == "json" ? JsonSerializer.Serialize(report, Json) + "\n" : MountReportText.Format(report));
        return report.Verified && report.Stopped is null && report.Unmounted ? 0 : 1;
    }

    private static MountOptions Parse(CliArguments args)
    {
        bool read = args.Has("--read"), write = args.Has("--write");
        return new MountOptions
        {
            Mode = FuseChoices.Modes.TryParse(args.Option("--mode") ?? "master", out FuseMode mode)
                ? mode : throw new CliException($"--mode must be one of {string.Join(", ", FuseChoices.Modes.Names)}, got '{args.Option("--mode")}'"),
            BlockBytes = (int)Math.Min(int.MaxValue, Size(args, "--bs", 1 << 20)),
            TotalBytes = Size(args, "--total", 64 << 20),
            Direct = args.Has("--direct"),
            Read = read || !write,
            Write = write || !read,
            WritebackCache = !args.Has("--no-writeback"),
            MaxPagesLimit = args.Option("--max-pages-limit") is { } limit ? Number(limit, "--max-pages-limit") : null,
            MaxMessageSize = (uint)Math.Min(uint.MaxValue, Size(args, "--max-message-size", 0)),
            Timeout = TimeSpan.FromSeconds(args.Option("--timeout") is { } seconds ? Number(seconds, "--timeout") : 120),
        };
    }

    private static long Size(CliArguments args, string name, long fallback) =>
        args.Option(name) is not { } text ? fallback
        : SizeText.TryParse(text, out long bytes) ? bytes
        : throw new CliException($"{name} must be a size such as 4MiB, 128KiB or 1048576, got '{text}'");

    private static int Number(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : throw new CliException($"{name} must be a whole number, got '{text}'");
}
