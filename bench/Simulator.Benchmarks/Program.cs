using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BufferLab.Simulator.Benchmarks;

// In-process: BenchmarkDotNet 0.14 predates net10.0 and cannot generate a separate host project
// for it, so the benchmarks run inside this executable, on the runtime it was started with.
// The config is passed here rather than by [Config] so --quick replaces the job instead of adding one.
bool quick = args.Contains("--quick");
Job job = (quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
// Artifacts go next to the executable (under bench/) rather than into whatever directory runs it.
IConfig config = DefaultConfig.Instance
    .AddJob(job)
    .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));

// `load` runs the dashboard under load (see LoadHarness), and nothing else.
if (args.Contains("load"))
{
    int at = Array.IndexOf(args, "--cycles");
    // --set NAME=VALUE (repeatable): an environment variable for the dashboard, e.g. BufferLab__Engine__Workers=2.
    Dictionary<string, string> settings = args.Zip(args.Skip(1)).Where(p => p.First == "--set" && p.Second.Contains('=', StringComparison.Ordinal))
        .Select(p => p.Second.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
    int maps = Array.IndexOf(args, "--smaps"); // --smaps FOLDER: the server's memory map before and after the cycles
    LoadHarness.Run(at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 100, play: !args.Contains("--no-play"), settings,
        maps >= 0 && maps + 1 < args.Length ? args[maps + 1] : null);
    return;
}

// `timetravel-hub [--only a,b] [--samples N]`: issue 15's table through the dashboard's hub (see
// TimeTravelHubHarness): seek to the end and one Back from the last step, median and p95 of 10.
// It starts the built dashboard of the same configuration, so build both in Release first:
//   dotnet build bench/Simulator.Benchmarks -c Release   (builds src/Simulator.Web too)
//   dotnet run --project bench/Simulator.Benchmarks -c Release --no-build -- timetravel-hub
if (args.Contains("timetravel-hub"))
{
    string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    TimeTravelHubHarness.Run(Option("--only")?.Split(',') ?? [], Option("--samples") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}

// `room [--followers 50,100,300] [--seconds 20] [--only one,three,ramp,kill]`: issue 20's measured part (see
// RoomHarness): a presenter stepping at 10 steps/s and followers through scripts/room.sh (redis-server,
// 1 or 3 instances, nginx), follow latency, memory per follower, followers per instance before p99 passes
// 200 ms, and one of 3 instances killed. Needs redis-server and nginx; build first, as for timetravel-hub.
if (args.Contains("room"))
{
    RoomHarnessOptions options;
    try
    {
        options = RoomHarnessOptions.Parse(args);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        Environment.Exit(2);
        return;
    }

    RoomHarness.Run(options);
    return;
}

// `fuse-mount [--only master,vectored,contiguous-large,c-copy,c-iov] [--repeat N]`: issue 16's
// measured part through a real /dev/fuse mount against a libfuse3 C daemon (see FuseMountHarness).
// Needs Linux, root and /dev/fuse; the C rows need cc and libfuse3-dev (installed with apt-get when missing).
if (args.Contains("fuse-mount"))
{
    string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    FuseMountHarness.Run(Option("--only")?.Split(',') ?? [], Option("--repeat") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

// `timetravel [--only a,b] [--budget MiB] [--interval N]`: seeks and steps back through checkpoints (see TimeTravelHarness).
if (args.Contains("timetravel"))
{
    string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    var defaults = BufferLab.Simulator.Engine.Simulation.Checkpoints.CheckpointBudget.Default;
    var budget = new BufferLab.Simulator.Engine.Simulation.Checkpoints.CheckpointBudget(
        Option("--budget") is { } mib ? long.Parse(mib, System.Globalization.CultureInfo.InvariantCulture) << 20 : defaults.Bytes,
        Option("--interval") is { } steps ? int.Parse(steps, System.Globalization.CultureInfo.InvariantCulture) : defaults.Interval);
    TimeTravelHarness.Run(Option("--only")?.Split(',') ?? [], budget);
    return;
}

// `stratum`, `keep`, `fuse` or `filestore` runs one system's benchmarks; with none named, all run.
string[] systems = ["stratum", "keep", "filestore", "fuse"];
bool all = !args.Any(systems.Contains);
bool stratum = all || args.Contains("stratum");
bool keep = all || args.Contains("keep");
if (all || args.Contains("fuse"))
{
    FuseHarness.Run(); // the daemon's side timed alone; the simulated kernel runs outside the timer
}

if (all || args.Contains("filestore"))
{
    FilestoreReaderHarness.Run(); // a harness of its own: cold passes need the cache dropped between them
}

if (stratum)
{
    Summary[] summaries = BenchmarkRunner.Run([typeof(NoThreadBenchmarks), typeof(WholeMessageBenchmarks)], config);
    RatioReport.Print(Of<NoThreadBenchmarks>(summaries), Of<WholeMessageBenchmarks>(summaries));
}

if (keep)
{
    Summary[] summaries = BenchmarkRunner.Run([typeof(CoalescedGetBenchmarks), typeof(ReadyHitBenchmarks)], config);
    KeepReport.Print(Of<CoalescedGetBenchmarks>(summaries), Of<ReadyHitBenchmarks>(summaries));
}

static Summary Of<T>(Summary[] summaries) => summaries.Single(s => s.BenchmarksCases.All(c => c.Descriptor.Type == typeof(T)));
