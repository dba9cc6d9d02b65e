using System.Diagnostics;
using System.Globalization;
using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// `load`: the dashboard under load, loopback only and bounded in time. Starts the built dashboard
/// (a child process on a free port, its own data folder), then: with 20 and with 64 hub sessions
/// playing keep-zipf at full speed, GET / every 100 ms and the gaps between each session's frames;
/// the server's RSS before, during and after; and, first, its RSS after open/close cycles of a file
/// near the per-session memory budget (it must come back within 10% of where it started).
/// </summary>
public static class LoadHarness
{
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(15);

    /// <summary>How long after the sessions close RSS is read again (the server gives memory back in a collection of its own).</summary>
    private static readonly TimeSpan AfterClose = TimeSpan.FromSeconds(10);

    /// <param name="settings">Environment variables for the dashboard (e.g. <c>BufferLab__Engine__LowerPriority=false</c> to compare).</param>
    /// <param name="cycles">Open/close cycles (0: none).</param>
    /// <param name="play">Whether the phases with 20 and 64 sessions playing run.</param>
    /// <param name="memoryMaps">A folder to save the server's memory map (smaps) in before and after the cycles, or null.</param>
    public static void Run(int cycles, bool play, IReadOnlyDictionary<string, string> settings, string? memoryMaps = null)
    {
        // Production, as `dotnet run` of the built app is; warnings only, so logging costs nothing measurable.
        using DashboardServer server = DashboardServer.StartAsync("Production", new Dictionary<string, string>(settings) { ["Logging__LogLevel__Default"] = "Warning" }).GetAwaiter().GetResult();
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        Get(http); // warm up: the first page render compiles
        Console.WriteLine($"dashboard pid {server.Pid} at {server.Address}; RSS at rest {Mib(server.ResidentBytes())}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        if (cycles > 0)
        {
            Cycles(server, cycles, memoryMaps);
        }

        foreach (int sessions in play ? [20, 64] : Array.Empty<int>())
        {
            Playing(server, http, sessions);
        }
    }

    private static void Playing(DashboardServer server, HttpClient http, int sessions)
    {
        long before = server.ResidentBytes();
        var connections = new List<HubConnection>();
        var gaps = new List<double>();
        var opened = new List<(HubConnection Hub, string Session)>();
        for (int i = 0; i < sessions; i++)
        {
            // One workload for all (its outline is probed once); each session plays its own run.
            HubConnection hub = new HubConnectionBuilder().WithUrl(new Uri(server.Address, HubPaths.Simulation)).Build();
            hub.StartAsync().GetAwaiter().GetResult();
            connections.Add(hub);
            SessionInfo info = hub.InvokeAsync<SessionInfo>("Open", new OpenRequest("keep-zipf", Seed: 1)).GetAwaiter().GetResult();
            hub.InvokeAsync("Speed", info.SessionId, 100_000.0).GetAwaiter().GetResult();
            opened.Add((hub, info.SessionId));
        }

        using var stop = new CancellationTokenSource(Phase);
        List<Task> readers = [.. opened.Select(o => Task.Run(() => FrameGapsAsync(o.Hub, o.Session, gaps, stop.Token)))];

        var latencies = new List<double>();
        long during = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Phase)
        {
            latencies.Add(Get(http));
            during = Math.Max(during, server.ResidentBytes());
            Thread.Sleep(100);
        }

        Task.WaitAll([.. readers]);
        foreach (HubConnection hub in connections)
        {
            hub.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        Thread.Sleep(AfterClose);
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sessions} sessions playing: GET / p50 {Percentile(latencies, 50):0} ms, p99 {Percentile(latencies, 99):0} ms, worst {latencies[^1]:0} ms ({latencies.Count} requests); worst frame gap {(gaps.Count == 0 ? 0 : gaps.Max()):0} ms; RSS {Mib(before)} before, {Mib(during)} at most during, {Mib(server.ResidentBytes())} {AfterClose.TotalSeconds:0} s after they closed"));
    }

    /// <summary>Plays the session and records the gaps between its frames until the phase ends or the run does.</summary>
    private static async Task FrameGapsAsync(HubConnection hub, string session, List<double> gaps, CancellationToken stop)
    {
        var since = Stopwatch.StartNew();
        double worst = 0;
        try
        {
            await hub.InvokeAsync("Play", session, stop).ConfigureAwait(false);
            since.Restart();
            await foreach (Frame frame in hub.StreamAsync<Frame>("Frames", session, stop).ConfigureAwait(false))
            {
                worst = Math.Max(worst, since.Elapsed.TotalMilliseconds);
                since.Restart();
                if (!frame.Playing && frame.Finished)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the phase ended: the time since the last frame counts too (a stream that never
            // delivered a frame shows as one gap of the whole phase, not as none)
            worst = Math.Max(worst, since.Elapsed.TotalMilliseconds);
        }

        lock (gaps)
        {
            gaps.Add(worst);
        }
    }

    private static void Cycles(DashboardServer server, int cycles, string? memoryMaps)
    {
        // Near the per-session budget (1 GiB): 12 blocks of 64 MiB and 2 buffers.
        const string Large = "name: large\ndescription: near the session budget\nsystem: keep\noptions:\n  scale: 1\n  blocks: 12\n  maxBuffers: 2\nphases:\n  - load: closed\n    clients: 1\n    requestsPerClient: 2\n";
        HubConnection hub = new HubConnectionBuilder().WithUrl(new Uri(server.Address, HubPaths.Simulation)).Build();
        hub.StartAsync().GetAwaiter().GetResult();
        OpenClose(hub, Large); // warm-up: the code paths are compiled once, not counted as growth
        Thread.Sleep(3000);
        long start = server.ResidentBytes();
        (long anonStart, long fileStart) = server.ResidentParts();
        if (memoryMaps is not null)
        {
            server.SaveMemoryMap(Path.Combine(Directory.CreateDirectory(memoryMaps).FullName, "smaps-before.txt"));
        }

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < cycles; i++)
        {
            OpenClose(hub, Large);
        }

        hub.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Thread.Sleep(3000);
        long after = server.ResidentBytes();
        (long anonAfter, long fileAfter) = server.ResidentParts();
        if (memoryMaps is not null)
        {
            server.SaveMemoryMap(Path.Combine(memoryMaps, "smaps-after.txt"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cycles} open/close cycles of an 896 MiB keep file in {clock.Elapsed.TotalSeconds:0} s: RSS {Mib(start)} before (after one warm-up cycle), {Mib(after)} after ({100.0 * (after - start) / start:+0;-0}%; target within 10%); anonymous {Mib(anonStart)} -> {Mib(anonAfter)}, file-backed {Mib(fileStart)} -> {Mib(fileAfter)}"));
    }

    private static void OpenClose(HubConnection hub, string yaml)
    {
        SessionInfo info = hub.InvokeAsync<SessionInfo>("Open", new OpenRequest(null, Seed: 1, Yaml: yaml)).GetAwaiter().GetResult();
        hub.InvokeAsync("Close", info.SessionId).GetAwaiter().GetResult();
    }

    private static double Get(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        using HttpResponseMessage response = http.GetAsync(new Uri("/", UriKind.Relative)).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        _ = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0} MiB");
}
