using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>
/// The real-mount page's state: the form (whose defaults show the point: PR #198 vectored with
/// direct I/O gets 4 MiB requests once max_pages_limit allows 1024 pages), its problems by field,
/// the run (on the server's one mount at a time), its live counters, and the recording it leaves.
/// </summary>
public sealed class MountViewModel(RealMountRunner runner, ScenarioLibrary library) : IDisposable
{
    public const int MinTotalMiB = 16, MaxTotalMiB = 256;

    /// <summary>The watchdog of a run started here: past it, the connection is aborted and the mount detached.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public const string BusyMessage = "A mount is running on this server; try again when it ends.";

    public static readonly IReadOnlyList<(string Text, int Bytes)> BlockSizes = [("128 KiB", 128 << 10), ("1 MiB", 1 << 20), ("4 MiB", 4 << 20), ("16 MiB", 16 << 20)];

    public static readonly IReadOnlyList<(string Value, string Text)> Directions = [("both", "write, then read"), ("write", "write only"), ("read", "read only")];

    /// <summary>The form's fields, as problems name them (ids and test ids too).</summary>
    public static class Fields
    {
        public const string Block = "bs", Total = "total", Direction = "io", MaxPagesLimit = "max-pages-limit", MaxMessage = "max-message-size", Run = "run";
    }

    public string Mode { get; set; } = "vectored";

    public int BlockBytes { get; set; } = 4 << 20;

    public int TotalMiB { get; set; } = MaxTotalMiB;

    public bool Direct { get; set; } = true;

    /// <summary>both, write or read.</summary>
    public string Direction { get; set; } = "both";

    public bool WritebackCache { get; set; } = true;

    /// <summary>Empty: the machine's own.</summary>
    public int? MaxPagesLimit { get; set; } = 1024;

    /// <summary>PR #198's MaxMessageSize in MiB (0: the library's 1 MiB); master has none.</summary>
    public int MaxMessageMiB { get; set; } = 4;

    /// <summary>Why this server cannot mount (the form is then disabled), or null.</summary>
    public string? Unavailable { get; } = runner.Unavailable;

    /// <summary>What is wrong with the form, by field (<see cref="Fields"/>); empty once it is right.</summary>
    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    /// <summary>Said once, above the form: another run holds the mount, or the recording could not be kept.</summary>
    public string? Notice { get; private set; }

    /// <summary>This page's run: running, or the last one it ran.</summary>
    public MountRun? Run { get; private set; }

    /// <summary>A run is on, as the page shows it: until its end has been read (<see cref="Final"/>).</summary>
    public bool Running => Run is not null && !Final;

    public MountLive Live { get; private set; } = MountLive.Empty;

    /// <summary>The run has ended and <see cref="Live"/> was read after it did: the counters are final and the report can show.</summary>
    public bool Final { get; private set; }

    public bool PR198 => Mode != "master";

    /// <summary>The form as a run's options.</summary>
    public MountOptions Options() => new()
    {
        Mode = FuseChoices.Modes.TryParse(Mode, out FuseMode mode) ? mode : FuseMode.Vectored,
        BlockBytes = BlockBytes,
        TotalBytes = (long)TotalMiB << 20,
        Direct = Direct,
        Read = Direction != "write",
        Write = Direction != "read",
        WritebackCache = WritebackCache,
        MaxPagesLimit = MaxPagesLimit,
        MaxMessageSize = PR198 && MaxMessageMiB >= 0 ? (uint)MaxMessageMiB << 20 : 0,
        Timeout = Timeout,
    };

    /// <summary>The same run from the command line (for a machine where this server cannot mount).</summary>
    public string CliCommand
    {
        get
        {
            MountOptions o = Options();
            var words = new List<string> { "dotnet run --project src/Simulator.Cli -- mount", "--mode", Mode, "--bs", SizeText.Format(o.BlockBytes), "--total", SizeText.Format(o.TotalBytes) };
            words.AddRange(o.Direct ? ["--direct"] : []);
            words.AddRange(Direction == "both" ? [] : ["--" + Direction]);
            words.AddRange(o.WritebackCache ? [] : ["--no-writeback"]);
            words.AddRange(o.MaxPagesLimit is { } limit ? ["--max-pages-limit", limit.ToString(CultureInfo.InvariantCulture)] : []);
            words.AddRange(o.MaxMessageSize > 0 ? ["--max-message-size", SizeText.Format(o.MaxMessageSize)] : []);
            return string.Join(' ', words);
        }
    }

    /// <summary>Checks the form and starts the run; false (with the problems, or the busy notice) when it did not start.</summary>
    public bool Start()
    {
        Notice = null;
        if (Running || Unavailable is not null)
        {
            return false;
        }

        Problems = Check();
        if (Problems.Count > 0)
        {
            return false;
        }

        if (runner.TryStart(Options()) is not { } run)
        {
            Notice = BusyMessage;
            return false;
        }

        Run = run;
        Live = MountLive.Empty;
        Final = false;
        return true;
    }

    /// <summary>The progress line: what the run is doing, how far it got, and for how long.</summary>
    public string Status
    {
        get
        {
            if (Run is not { } run)
            {
                return "";
            }

            long planned = run.Options.TotalBytes * ((run.Options.Read ? 1 : 0) + (run.Options.Write ? 1 : 0));
            string moved = $"{Units.Bytes(Live.ReadBytes + Live.WriteBytes)} of {Units.Bytes(planned)} through the mount";
            string seconds = Seconds(Live.Elapsed);
            return run switch
            {
                { CancelRequested: true } when !Final => $"Cancelling: the connection is aborted, then the mount detached · {seconds}",
                _ when !Final && Live.ReadBytes + Live.WriteBytes == 0 => $"Mounted{(Live.Requests > 0 ? " (INIT answered)" : "")}; dd starts once its {Units.Bytes(run.Options.TotalBytes)} of data are ready · {seconds}",
                _ when !Final => $"Running: {moved} ({Live.Progress(run.Options):0%}) · {seconds}",
                { Failure: { } failure } => $"Could not run: {failure}",
                { Report.Stopped: { } stopped } => $"Stopped after {seconds}: {stopped}",
                _ => $"Done in {seconds}: {moved}, {Units.Count(Live.Requests)} requests",
            };
        }
    }

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>Aborts the run: the session aborts the connection and unmounts.</summary>
    public void Cancel() => Run?.Cancel();

    /// <summary>Reads the run's counters again (the page does so about 4 times a second while it runs).</summary>
    public void Refresh()
    {
        if (Run is { } run)
        {
            bool ended = run.Ended; // read first: requests read after this include every one the run had
            Live = MountLive.From(run.Requests, run.Elapsed);
            Final = ended;
        }
    }

    /// <summary>
    /// Keeps the ended run's requests as a FUSE trace scenario in the library, checked as uploads
    /// are, and answers the FUSE page's link to it; null (with the reason in <see cref="Notice"/>) when it cannot.
    /// </summary>
    public string? OpenRecording()
    {
        if (Run is not { Ended: true } run)
        {
            return null;
        }

        string text = MountRecording.ToScenarioText(run.Options, run.Requests);
        (string? id, ScenarioDocument? document, IReadOnlyList<ScenarioProblem> problems) = library.Add(text, "fuse-mount-recording.yaml");
        if (id is null || document is null)
        {
            Notice = "The recording could not be opened: " + (problems.Count > 0 ? problems[0].Message : "the scenario was refused");
            return null;
        }

        Notice = null;
        return SystemPages.Open(id, document.Scenario, document.Seed);
    }

    /// <summary>Leaving the page ends its run (aborted and unmounted).</summary>
    public void Dispose()
    {
        if (Running)
        {
            Run!.Cancel();
        }
    }

    /// <summary>The page's own limits first (16 to 256 MiB), then the options' problems, each by the field it names.</summary>
    private Dictionary<string, string> Check()
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (TotalMiB is < MinTotalMiB or > MaxTotalMiB)
        {
            problems[Fields.Total] = $"The total must be from {MinTotalMiB} to {MaxTotalMiB} MiB here (the CLI takes up to 1 GiB), got {TotalMiB} MiB.";
        }

        else if (((long)TotalMiB << 20) % BlockBytes != 0)
        {
            problems[Fields.Total] = $"The total must be a whole number of blocks: {TotalMiB} MiB is not a multiple of {Units.Bytes(BlockBytes)}.";
        }

        if (PR198 && MaxMessageMiB is < 0 or > FuseChoices.MaxMessageMiB)
        {
            problems[Fields.MaxMessage] = $"MaxMessageSize must be from 0 to {FuseChoices.MaxMessageMiB} MiB, got {MaxMessageMiB}.";
        }

        foreach (FieldProblem problem in Options().Problems())
        {
            string field = FieldOf(problem.Field);
            problems.TryAdd(field, Sentence(field, problem.Message));
        }

        return problems;
    }

    private static string FieldOf(string option) => option switch
    {
        "--bs" => Fields.Block,
        "--total" => Fields.Total,
        "--read/--write" => Fields.Direction,
        "--max-pages-limit" => Fields.MaxPagesLimit,
        "--max-message-size" => Fields.MaxMessage,
        _ => Fields.Run,
    };

    /// <summary>An option's problem in the form's words: the field's name, and the block size for --bs.</summary>
    private static string Sentence(string field, string message)
    {
        string name = field switch
        {
            Fields.Block => "The block size",
            Fields.Total => "The total",
            Fields.MaxPagesLimit => "max_pages_limit",
            Fields.MaxMessage => "MaxMessageSize",
            _ => "The run",
        };
        return $"{name} {message.Replace("(--bs)", "(the block size)", StringComparison.Ordinal)}.";
    }
}
