using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// `timetravel-hub`: issue 15's table, measured the way a client sees it. Starts the built
/// dashboard (Production, on a free loopback port), and with Microsoft's SignalR .NET client on
/// <see cref="HubPaths.Simulation"/> opens each scenario at seed 1, then per sample: Seek to step
/// 0 (untimed; not before the first), Seek to the last step (timed: "seek to end"), Back (timed:
/// "one step back"). Each time is the whole hub call as the client waits for it (the session
/// seeks under its lock before the call returns). Median (of the two middle samples for an even count) and p95 (nearest rank).
/// </summary>
internal static class TimeTravelHubHarness
{
    /// <summary>Issue 15's scenarios, with the keepstore mode its table names.</summary>
    private static readonly (string Scenario, string? Mode)[] Scenarios =
        [("random-long", null), ("keep-job-start-herd", "current"), ("keep-zipf", null), ("fuse-mixed", null), ("filestore-seed-repro", null)];

    public static void Run(IReadOnlyCollection<string> only, int samples)
    {
        using DashboardServer server = DashboardServer.StartAsync("Production", new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" }).GetAwaiter().GetResult();
        HubConnection hub = new HubConnectionBuilder().WithUrl(new Uri(server.Address, HubPaths.Simulation)).Build();
        hub.StartAsync().GetAwaiter().GetResult();
        Console.WriteLine($"dashboard pid {server.Pid} at {server.Address}; hub {HubPaths.Simulation}, seed 1, {samples} samples; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| scenario | steps | seek to end | one step back |");
        Console.WriteLine("|---|---|---|---|");
        var statuses = new List<string>();
        foreach ((string scenario, string? mode) in Scenarios.Where(s => only.Count == 0 || only.Contains(s.Scenario)))
        {
            (string row, string status) = Row(hub, scenario, mode, samples);
            Console.WriteLine(row);
            statuses.Add(status);
        }

        Console.WriteLine("Times in ms, median / p95 (nearest rank). Status at the end of each (checkpoint figures appear here once the sessions report them):");
        statuses.ForEach(Console.WriteLine);
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        hub.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static (string Row, string Status) Row(HubConnection hub, string scenario, string? mode, int samples)
    {
        SessionInfo info = hub.InvokeAsync<SessionInfo>("Open", new OpenRequest(scenario, Seed: 1, Mode: mode)).GetAwaiter().GetResult();
        int last = info.LastStep;
        var toEnd = new List<double>();
        var back = new List<double>();
        for (int i = 0; i < samples; i++)
        {
            if (i > 0)
            {
                Call(hub, "Seek", info.SessionId, 0);
            }

            toEnd.Add(Call(hub, "Seek", info.SessionId, last));
            back.Add(Call(hub, "Back", info.SessionId));
            int at = hub.InvokeAsync<SessionStatus>("Status", info.SessionId).GetAwaiter().GetResult().Step;
            if (at != last - 1)
            {
                throw new InvalidOperationException($"{scenario}: Back from step {last} left the session at step {at}");
            }
        }

        JsonElement status = hub.InvokeAsync<JsonElement>("Status", info.SessionId).GetAwaiter().GetResult();
        Call(hub, "Close", info.SessionId);
        string name = mode is null ? scenario : $"{scenario} ({mode})";
        return (string.Create(CultureInfo.InvariantCulture, $"| {name} | {last:N0} | {Stats(toEnd)} | {Stats(back)} |"), $"{name}: {status.GetRawText()}");
    }

    /// <summary>Invokes a hub method that returns nothing; the milliseconds until the server answered.</summary>
    private static double Call(HubConnection hub, string method, params object[] args)
    {
        long start = Stopwatch.GetTimestamp();
        hub.InvokeCoreAsync(method, args).GetAwaiter().GetResult();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static string Stats(List<double> times)
    {
        times.Sort();
        double median = (times[(times.Count - 1) / 2] + times[times.Count / 2]) / 2;
        return $"{Ms(median)} / {Ms(times[Math.Min(times.Count - 1, (int)Math.Ceiling(0.95 * times.Count) - 1)])} ms";
    }

    /// <summary>Whole milliseconds with thousands separators, tenths under 10 ms (where checkpoints put a step back).</summary>
    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture);
}
