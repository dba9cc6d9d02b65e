using System.Globalization;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>The room harness's report (markdown, for the README): the configurations' table, the ramp on 1 instance and the kill test.</summary>
internal static class RoomTable
{
    public static void Print(RoomHarnessOptions options, IReadOnlyList<RoomRow> rows, IReadOnlyList<RoomRow> ramp, KillOutcome? kill, string uptime)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Follow latency: the presenter's Step call starting → the first frame of that step or a later one at the follower, over every follower and step ({options.Seconds} s at 10 steps/s), ms. ")
            + "Frames missed: a step's own frame never arrived (coalesced steps: no follower got it; the next frame carries both). Step call: the presenter's Step as it waited for it. "
            + "RSS per instance before the followers joined → after the run (followers counted on it in Redis); per follower = growth / followers, all instances. CPU in % of one core while stepping.");
        if (rows.Count > 0)
        {
            Console.WriteLine("| instances | followers | connected in | p50 / p99 / max | frames missed | step call p50 / p99 | RSS before → after (followers) | per follower | CPU | load |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (RoomRow row in rows)
            {
                Console.WriteLine(Row(row));
            }
        }

        if (ramp.Count > 0)
        {
            RoomRow? lastPassing = ramp.LastOrDefault(r => r.Passes(RoomHarness.LatencyTargetMs));
            RoomRow? failing = ramp.FirstOrDefault(r => !r.Passes(RoomHarness.LatencyTargetMs));
            string verdict = failing is null
                ? string.Create(CultureInfo.InvariantCulture, $"p99 stayed within {RoomHarness.LatencyTargetMs:0} ms up to {ramp[^1].Asked} (the cap, MaxFollowersPerPresentation)")
                : $"{failing.Asked} failed ({Why(failing)})";
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Followers on 1 instance before p99 passes {RoomHarness.LatencyTargetMs:0} ms (every follower in, every step reached): {(lastPassing is null ? "none passed" : lastPassing.Asked.ToString(CultureInfo.InvariantCulture))}; {verdict}."));
            Console.WriteLine("| followers | p50 / p99 / max | frames missed | step call p50 / p99 | RSS before → after | per follower | CPU | load |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (RoomRow row in ramp)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {Connected(row)} | {Latency(row.Stats)} | {Frames(row.Stats)} | {Calls(row.Stats)} | {Memory(row)} | {Kib(row.PerFollower)} | {row.Cpu} | {row.Load} |"));
            }
        }

        if (kill is not null)
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Kill test: 3 instances, {kill.Connected} of {kill.Asked} followers connected; instance {kill.Victim} (with {kill.FollowersOnVictim} followers; the presenter on {kill.PresenterInstance}) killed with SIGKILL while stepping."));
            Console.WriteLine("| figure | value |");
            Console.WriteLine("|---|---|");
            Console.WriteLine($"| followers dropped (their connection closed); back with a frame within 30 s | {kill.Dropped}; {kill.Recovered} |");
            Console.WriteLine($"| followers lost (no frame within 30 s of the kill) | {kill.Lost} (target 0: {(kill.Lost == 0 ? "met" : "NOT met")}) |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| time to recover, kill → first frame after reconnecting, p50 / max | {kill.RecoveryP50Ms:0} / {kill.RecoveryMaxMs:0} ms |"));
            Console.WriteLine($"| before the kill (up to 1 s before it), p50 / p99 / max | {Latency(kill.Before)}; {Frames(kill.Before)} |");
            Console.WriteLine($"| from 1 s before the kill until every dropped follower was back ({kill.During.Steps} steps) | {Latency(kill.During)}; {Frames(kill.During)} |");
            Console.WriteLine($"| after every follower was back ({kill.After.Steps} steps) | {Latency(kill.After)}; {Frames(kill.After)} |");
            Console.WriteLine($"| load average at the end | {kill.Load} |");
            if (kill.Problem is not null)
            {
                Console.WriteLine($"first follower problem: {kill.Problem}");
            }
        }

        foreach (RoomRow row in rows.Concat(ramp).Where(r => r.FirstRefusal is not null).DistinctBy(r => (r.Instances, r.Asked)))
        {
            Console.WriteLine($"{row.Instances} instance(s), {row.Asked} followers: {row.Refused} refused, the first: {row.FirstRefusal}");
        }

        Console.WriteLine();
        Console.WriteLine($"at the end, {uptime}");
    }

    /// <summary>p50 / p99 / max in whole ms.</summary>
    public static string Latency(FollowStats stats) => string.Create(CultureInfo.InvariantCulture, $"{stats.P50:0} / {stats.P99:0} / {stats.Max:0}");

    /// <summary>"12 of 60,000", with the steps coalesced and the follower-steps never reached when there are any.</summary>
    public static string Frames(FollowStats stats) => string.Create(CultureInfo.InvariantCulture,
        $"{stats.Missed:N0} of {stats.Frames + stats.Missed:N0}{(stats.Coalesced > 0 ? $" ({stats.Coalesced} steps coalesced)" : "")}{(stats.Unreached > 0 ? $", {stats.Unreached:N0} never reached" : "")}");

    private static string Row(RoomRow row) => string.Create(CultureInfo.InvariantCulture,
        $"| {row.Instances} | {Connected(row)} | {row.ConnectTook.TotalSeconds:0.0} s | {Latency(row.Stats)} | {Frames(row.Stats)} | {Calls(row.Stats)} | {Memory(row)} | {Kib(row.PerFollower)} | {row.Cpu} | {row.Load} |");

    private static string Connected(RoomRow row) => string.Create(CultureInfo.InvariantCulture, $"{row.Asked - row.Refused}{(row.Refused > 0 ? $" of {row.Asked}" : "")}");

    private static string Calls(FollowStats stats) => string.Create(CultureInfo.InvariantCulture, $"{stats.StepCallP50:0} / {stats.StepCallP99:0}");

    private static string Memory(RoomRow row) =>
        string.Join("; ", row.Memory.Select(m => $"{(row.Instances > 1 ? m.Instance + ": " : "")}{Mib(m.Before)} → {Mib(m.After)} ({m.Followers})"));

    private static string Why(RoomRow row) =>
        row.Refused > 0 ? string.Create(CultureInfo.InvariantCulture, $"{row.Refused} followers refused")
        : row.Stats.Unreached > 0 ? string.Create(CultureInfo.InvariantCulture, $"{row.Stats.Unreached} follower-steps never reached")
        : string.Create(CultureInfo.InvariantCulture, $"p99 {row.Stats.P99:0} ms");

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0} MiB");

    private static string Kib(double bytes) => double.IsNaN(bytes) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0} KiB");
}
