using System.Diagnostics;
using System.Globalization;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// `room`: issue 20's measured part, loopback only and bounded. Starts scripts/room.sh (redis-server,
/// 1 or 3 instances of the built dashboard, nginx), and in each configuration one presenter (a .NET
/// SignalR client through the balancer) opens random-long, presents it and steps 10 times a second
/// while F followers (.NET clients through the balancer, WebSockets with SkipNegotiation) follow:
/// follow latency (presenter's Step call starting → that step's frame at the follower) p50/p99/max,
/// frames missed, each instance's RSS before the followers joined and after the run per follower
/// there, and the CPU each part used. Then, on 1 instance, followers are added until p99 passes
/// <see cref="LatencyTargetMs"/>; on 3 instances with <see cref="KillFollowers"/> followers one instance
/// (not the presenter's) is killed while stepping. The room is always stopped (SIGTERM) at the end.
/// </summary>
internal static class RoomHarness
{
    public const double LatencyTargetMs = 200;

    public const int KillFollowers = 300;

    /// <summary>The presenter's pace (<see cref="RoomPresenter.Interval"/>); the kill test's "before" ends this many steps (a second) before the kill, so frames in flight when it died count in "during".</summary>
    private static readonly int StepsPerSecond = (int)(TimeSpan.FromSeconds(1) / RoomPresenter.Interval);

    /// <summary>The counts the ramp tries on 1 instance, up to the app's MaxFollowersPerPresentation.</summary>
    private static readonly int[] RampCounts = [50, 100, 200, 300, 400, 600, 800, RoomHarnessOptions.MaxFollowers];

    /// <summary>Stepping before the kill, and the window in which a follower with no frame counts as lost.</summary>
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(5), LostAfter = TimeSpan.FromSeconds(30);

    /// <summary>After the last step, how long followers may take to receive it before the rest counts as missed.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    /// <summary>Before a configuration's followers join (the presenter's start settles) and after (their counts reach Redis at the next 2 s heartbeat).</summary>
    private static readonly TimeSpan SettleBefore = TimeSpan.FromSeconds(1), SettleJoined = TimeSpan.FromSeconds(2.5), SettleBetween = TimeSpan.FromSeconds(2);

    public static void Run(RoomHarnessOptions options) => RunAsync(options).GetAwaiter().GetResult();

    private static async Task RunAsync(RoomHarnessOptions options)
    {
        Console.WriteLine($"room harness: {Environment.ProcessorCount} cores; {Uptime()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one presenter steps {RoomPresenter.Scenario} (seed 1) every {RoomPresenter.Interval.TotalMilliseconds:0} ms for {options.Seconds} s per configuration; followers connect through nginx in batches of {FollowerCrowd.Batch}; progress on stderr"));
        var rows = new List<RoomRow>();
        var ramp = new List<RoomRow>();
        KillOutcome? kill = null;
        int steps = options.Seconds * StepsPerSecond + 50; // the most one configuration takes
        if (options.Runs(RoomHarnessOptions.One) || options.Runs(RoomHarnessOptions.Ramp))
        {
            await using RunningRoom room = await RunningRoom.StartAsync(1).ConfigureAwait(false);
            await using RoomFollowerCounts counts = await RoomFollowerCounts.ConnectAsync(room.RedisPort).ConfigureAwait(false);
            Progress($"room of 1 instance at {room.Address}");
            await WarmUpAsync(room, counts).ConfigureAwait(false);
            IReadOnlyList<int> table = options.Runs(RoomHarnessOptions.One) ? options.Followers : [];
            bool ramping = options.Runs(RoomHarnessOptions.Ramp);
            foreach (int followers in table.Union(ramping ? RampCounts : []).Order())
            {
                bool inRamp = ramping && RampCounts.Contains(followers);
                if (!inRamp && !table.Contains(followers))
                {
                    continue;
                }

                RoomRow row = await MeasureAsync(room, counts, followers, options.Seconds, steps).ConfigureAwait(false);
                if (table.Contains(followers))
                {
                    rows.Add(row);
                }

                if (inRamp)
                {
                    ramp.Add(row);
                    ramping = row.Passes(LatencyTargetMs); // past the first failing count the ramp stops; the table's counts still run
                }
            }
        }

        if (options.Runs(RoomHarnessOptions.Three) || options.Runs(RoomHarnessOptions.Kill))
        {
            await using RunningRoom room = await RunningRoom.StartAsync(3).ConfigureAwait(false);
            await using RoomFollowerCounts counts = await RoomFollowerCounts.ConnectAsync(room.RedisPort).ConfigureAwait(false);
            Progress($"room of 3 instances at {room.Address}");
            await WarmUpAsync(room, counts).ConfigureAwait(false);
            if (options.Runs(RoomHarnessOptions.Three))
            {
                foreach (int followers in options.Followers)
                {
                    rows.Add(await MeasureAsync(room, counts, followers, options.Seconds, steps).ConfigureAwait(false));
                }
            }

            if (options.Runs(RoomHarnessOptions.Kill))
            {
                kill = await KillAsync(room, counts, options.Seconds).ConfigureAwait(false); // last: the room has one instance fewer after it
            }
        }

        RoomTable.Print(options, rows, ramp, kill, Uptime());
    }

    /// <summary>An untimed configuration first (a few followers, a few seconds), so the instances' first-use costs (JIT, pools, the backplane's subscriptions) are in no row.</summary>
    private static async Task WarmUpAsync(RunningRoom room, RoomFollowerCounts counts)
    {
        Progress("warming up (not reported)");
        _ = await MeasureAsync(room, counts, 3 * FollowerCrowd.Batch, RoomHarnessOptions.MinSeconds, RoomHarnessOptions.MinSeconds * StepsPerSecond + 50).ConfigureAwait(false);
    }

    /// <summary>One configuration: a fresh presentation, <paramref name="followers"/> followers, <paramref name="seconds"/> of stepping.</summary>
    private static async Task<RoomRow> MeasureAsync(RunningRoom room, RoomFollowerCounts counts, int followers, int seconds, int steps)
    {
        IReadOnlyList<string> instances = room.Instances;
        Progress($"{instances.Count} instance(s), {followers} followers: presenting");
        RoomRow row;
        await using (RoomPresenter presenter = await RoomPresenter.StartAsync(room.Address, steps, CancellationToken.None).ConfigureAwait(false))
        {
            await Task.Delay(SettleBefore).ConfigureAwait(false);
            Dictionary<string, long> before = instances.ToDictionary(i => i, i => RunningRoom.ResidentBytes(room.PidOf(i)) ?? 0, StringComparer.Ordinal);
            FollowerCrowd crowd = await FollowerCrowd.ConnectAsync(room.Address, presenter.Presentation.Code, presenter.FirstStep + 1, steps, followers).ConfigureAwait(false);
            try
            {
                Progress(string.Create(CultureInfo.InvariantCulture, $"  {crowd.Followers.Count} connected in {crowd.Took.TotalSeconds:0.0} s{(crowd.Refused > 0 ? $", {crowd.Refused} refused ({crowd.FirstRefusal})" : "")}; stepping {seconds} s"));
                await Task.Delay(SettleJoined).ConfigureAwait(false);
                RoomCpu cpuBefore = RoomCpu.Of(room);
                using (var stepping = new CancellationTokenSource(TimeSpan.FromSeconds(seconds)))
                {
                    await presenter.StepAsync(stepping.Token).ConfigureAwait(false);
                }

                await DrainAsync(crowd.Followers, presenter.LastStep).ConfigureAwait(false);
                string cpu = RoomCpu.Of(room).Since(cpuBefore);
                IReadOnlyDictionary<string, int> counted = await counts.OfAsync(presenter.Presentation.Code).ConfigureAwait(false);
                InstanceMemory[] memory = [.. instances.Select(i => new InstanceMemory(i, counted.GetValueOrDefault(i), before[i], RunningRoom.ResidentBytes(room.PidOf(i)) ?? 0))];
                FollowStats stats = FollowStats.Of(crowd.Followers, presenter, presenter.FirstStep + 1, presenter.LastStep);
                row = new RoomRow(instances.Count, followers, crowd.Refused, crowd.FirstRefusal, crowd.Took, presenter.Instance, stats, memory, cpu, LoadAverage());
                Progress(string.Create(CultureInfo.InvariantCulture,
                    $"  p50 / p99 / max {RoomTable.Latency(stats)} ms, frames missed {RoomTable.Frames(stats)}; step call p99 {stats.StepCallP99:0} ms; {cpu}; load {row.Load}"));
            }
            finally
            {
                await crowd.DisposeAsync().ConfigureAwait(false);
            }
        }

        await Task.Delay(SettleBetween).ConfigureAwait(false);
        return row;
    }

    /// <summary>3 instances, <see cref="KillFollowers"/> followers: stepping, one instance killed, its followers back through the balancer.</summary>
    private static async Task<KillOutcome> KillAsync(RunningRoom room, RoomFollowerCounts counts, int seconds)
    {
        int steps = (int)((BeforeKill + LostAfter).TotalSeconds + seconds) * StepsPerSecond + 50;
        Progress($"kill test: 3 instances, {KillFollowers} followers: presenting");
        await using RoomPresenter presenter = await RoomPresenter.StartAsync(room.Address, steps, CancellationToken.None).ConfigureAwait(false);
        await Task.Delay(SettleBefore).ConfigureAwait(false);
        FollowerCrowd crowd = await FollowerCrowd.ConnectAsync(room.Address, presenter.Presentation.Code, presenter.FirstStep + 1, steps, KillFollowers).ConfigureAwait(false);
        try
        {
            IReadOnlyList<RoomFollower> followers = crowd.Followers;
            await Task.Delay(SettleJoined).ConfigureAwait(false);
            using var stop = new CancellationTokenSource();
            Task stepping = presenter.StepAsync(stop.Token);
            await Task.Delay(BeforeKill).ConfigureAwait(false);
            IReadOnlyDictionary<string, int> counted = await counts.OfAsync(presenter.Presentation.Code).ConfigureAwait(false);
            string victim = room.Instances.Where(i => i != presenter.Instance).MaxBy(i => counted.GetValueOrDefault(i))
                ?? throw new InvalidOperationException("the kill test needs an instance besides the presenter's");
            int stepAtKill = presenter.LastStep;
            Progress($"  killing instance {victim} (pid {room.PidOf(victim)}, {counted.GetValueOrDefault(victim)} followers; the presenter is on {presenter.Instance})");
            long killedAt = Stopwatch.GetTimestamp();
            room.Kill(victim);

            // Until every follower that dropped has a frame again (or the window passed; drops show within the first second),
            // then the latency after, for as long as a configuration steps.
            while (Stopwatch.GetElapsedTime(killedAt) < LostAfter
                   && (Stopwatch.GetElapsedTime(killedAt) < TimeSpan.FromSeconds(1) || followers.Any(f => f.Drops > 0 && f.FirstFrameAfterReconnect == 0)))
            {
                await Task.Delay(100).ConfigureAwait(false);
            }

            int stepAtBack = presenter.LastStep;
            Progress(string.Create(CultureInfo.InvariantCulture, $"  {followers.Count(f => f.Drops > 0)} dropped; seen back {Stopwatch.GetElapsedTime(killedAt).TotalMilliseconds:0} ms after the kill; stepping on"));
            long back = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(killedAt) < LostAfter || Stopwatch.GetElapsedTime(back) < TimeSpan.FromSeconds(seconds))
            {
                await Task.Delay(100).ConfigureAwait(false);
            }

            await stop.CancelAsync().ConfigureAwait(false);
            await stepping.ConfigureAwait(false);
            await DrainAsync(followers, presenter.LastStep).ConfigureAwait(false);

            long window = killedAt + (long)(LostAfter.TotalSeconds * Stopwatch.Frequency);
            RoomFollower[] dropped = [.. followers.Where(f => f.Drops > 0)];
            var recovery = dropped.Where(f => f.FirstFrameAfterReconnect is > 0 and var at && at <= window)
                .Select(f => Stopwatch.GetElapsedTime(killedAt, f.FirstFrameAfterReconnect).TotalMilliseconds).Order().ToList();
            int lost = followers.Count(f => f.FirstArrivalAfter(killedAt) is var at && (at == 0 || at > window));
            var outcome = new KillOutcome(victim, presenter.Instance, counted.GetValueOrDefault(victim), KillFollowers, followers.Count, dropped.Length, recovery.Count, lost,
                FollowStats.Percentile(recovery, 50), recovery.Count == 0 ? double.NaN : recovery[^1],
                FollowStats.Of(followers, presenter, presenter.FirstStep + 1, stepAtKill - StepsPerSecond),
                FollowStats.Of(followers, presenter, stepAtKill - StepsPerSecond + 1, stepAtBack),
                FollowStats.Of(followers, presenter, stepAtBack + 1, presenter.LastStep),
                followers.Select(f => f.Problem).FirstOrDefault(p => p is not null), LoadAverage());
            Progress(string.Create(CultureInfo.InvariantCulture, $"  lost {lost}; recovery p50 / max {outcome.RecoveryP50Ms:0} / {outcome.RecoveryMaxMs:0} ms; after: p99 {outcome.After.P99:0} ms"));
            return outcome;
        }
        finally
        {
            await crowd.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits until every follower has the frame of <paramref name="lastStep"/>, or <see cref="Drain"/> passed.</summary>
    private static async Task DrainAsync(IReadOnlyList<RoomFollower> followers, int lastStep)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Drain && followers.Any(f => f.ArrivalOf(lastStep) == 0))
        {
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private static void Progress(string line) => Console.Error.WriteLine($"room: {line}");

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>What `uptime` prints (the machine is shared: its load is part of every figure).</summary>
    private static string Uptime()
    {
        try
        {
            using Process uptime = Process.Start(new ProcessStartInfo("uptime") { RedirectStandardOutput = true, UseShellExecute = false })!;
            string text = uptime.StandardOutput.ReadToEnd().Trim();
            uptime.WaitForExit();
            return "uptime: " + text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "load average: " + LoadAverage();
        }
    }
}
