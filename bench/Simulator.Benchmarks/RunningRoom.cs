using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using BufferLab.Simulator.TestSupport;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// scripts/room.sh running for the harness: redis-server, N instances of the built Simulator.Web (this
/// harness's configuration, --no-build) and nginx on a free loopback port, in Production with warnings
/// only and a fresh data folder; its state folder gives the processes' pids. Disposing it sends room.sh
/// SIGTERM (it stops what it started) and waits; anything of it still running after that is killed. If
/// the harness itself is stopped (SIGTERM, Ctrl+C), room.sh gets SIGTERM on the way out too.
/// </summary>
internal sealed class RunningRoom : IAsyncDisposable
{
    /// <summary>USER_HZ: 100 on every Linux that .NET runs on (sysconf(_SC_CLK_TCK)).</summary>
    private const int ClockTicksPerSecond = 100;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(40);

    private readonly Process _script;

    private readonly string _state, _data;

    private readonly ConcurrentQueue<string> _log;

    /// <summary>SIGTERM, SIGINT and SIGQUIT to the harness: room.sh is stopped before the harness goes (.NET raises no ProcessExit on those).</summary>
    private readonly PosixSignalRegistration[] _signals;

    private Dictionary<string, int> _pids = [];

    /// <summary>1 once room.sh was sent SIGTERM: the signal handler and the disposal may both stop it, but it gets the signal once.</summary>
    private int _terminated;

    private RunningRoom(Process script, string state, string data, ConcurrentQueue<string> log)
    {
        (_script, _state, _data, _log) = (script, state, data, log);
        _signals = [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, StopOnSignal))];
    }

    /// <summary>The balancer, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    public int RedisPort { get; private set; }

    /// <summary>The instances' names ("1" to "N", as room.sh names them).</summary>
    public IReadOnlyList<string> Instances => [.. _pids.Keys.Where(k => k.StartsWith("instance-", StringComparison.Ordinal)).Select(k => k["instance-".Length..]).Order(StringComparer.Ordinal)];

    public int PidOf(string instance) => _pids["instance-" + instance];

    public int RedisPid => _pids["redis"];

    /// <summary>nginx's master and its workers (the master's children, from /proc).</summary>
    public IReadOnlyList<int> NginxPids
    {
        get
        {
            int master = _pids["nginx"];
            string children = $"/proc/{master}/task/{master}/children";
            return File.Exists(children)
                ? [master, .. File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))]
                : [master];
        }
    }

    public static async Task<RunningRoom> StartAsync(int instances)
    {
        string script = Path.Combine(RepoPaths.Root, "scripts", "room.sh");
        string dll = Path.Combine(RepoPaths.Root, "src", "Simulator.Web", "bin", RepoPaths.Configuration, "net10.0", "Simulator.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build first with dotnet build bench/Simulator.Benchmarks -c {RepoPaths.Configuration} (it builds the dashboard too)");
        }

        string state = Directory.CreateTempSubdirectory("bufferlab-room-harness-state-").FullName;
        string data = Directory.CreateTempSubdirectory("bufferlab-room-harness-data-").FullName;
        var start = new ProcessStartInfo("bash",
        [
            script, "--instances", instances.ToString(CultureInfo.InvariantCulture), "--port", RedisServer.FreePort().ToString(CultureInfo.InvariantCulture),
            "--state", state, "--no-build", "--configuration", RepoPaths.Configuration,
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Production as a plain `dotnet run` is, warnings only (logging costs nothing measurable), one fresh history for the room, never the user's.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["BufferLab__DataFolder"] = data;
        var log = new ConcurrentQueue<string>();
        Process process = Process.Start(start) ?? throw new InvalidOperationException("scripts/room.sh did not start");
        process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var room = new RunningRoom(process, state, data, log);
        try
        {
            string ready = Path.Combine(state, "ready");
            var waited = Stopwatch.StartNew();
            while (!File.Exists(ready))
            {
                if (process.HasExited || waited.Elapsed > StartTimeout)
                {
                    throw new InvalidOperationException($"scripts/room.sh --instances {instances} was not ready within {StartTimeout.TotalSeconds:0} s (exit {(process.HasExited ? process.ExitCode : "none yet")}):\n" + string.Join('\n', log));
                }

                await Task.Delay(100).ConfigureAwait(false);
            }

            room.Address = new Uri((await File.ReadAllTextAsync(ready).ConfigureAwait(false)).Trim() + "/");
            room._pids = Directory.EnumerateFiles(state, "*.pid").ToDictionary(
                f => Path.GetFileNameWithoutExtension(f), f => int.Parse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture), StringComparer.Ordinal);
            room.RedisPort = int.Parse(File.ReadAllText(Path.Combine(state, "redis.port")).Trim(), CultureInfo.InvariantCulture);
            if (room.Instances.Count != instances)
            {
                throw new InvalidOperationException($"scripts/room.sh wrote {room.Instances.Count} instance pids for --instances {instances}");
            }

            return room;
        }
        catch
        {
            await room.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>VmRSS of <paramref name="pid"/> in bytes (/proc/PID/status), or null once it is gone.</summary>
    public static long? ResidentBytes(int pid)
    {
        try
        {
            string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>CPU time <paramref name="pid"/> has used (user + system, /proc/PID/stat), or null once it is gone.</summary>
    public static TimeSpan? CpuTime(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command (which may hold spaces, so split after its closing parenthesis): state is field 3, utime 14, stime 15.
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Kills instance <paramref name="instance"/> with SIGKILL, as a crash would, and waits until it is gone.</summary>
    public void Kill(string instance)
    {
        using Process process = Process.GetProcessById(PidOf(instance));
        process.Kill();
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (PosixSignalRegistration signal in _signals)
        {
            signal.Dispose();
        }

        try
        {
            Terminate();
            using var stopping = new CancellationTokenSource(StopTimeout);
            bool stopped = await _script.WaitForExitAsync(stopping.Token).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default).ConfigureAwait(false);
            foreach ((string name, int pid) in _pids)
            {
                if (ProcessIds.IsRunning(pid))
                {
                    Console.Error.WriteLine($"room: {name} (pid {pid}) was still running after room.sh stopped; killing it");
                    using Process left = Process.GetProcessById(pid);
                    left.Kill();
                }
            }

            if (!stopped)
            {
                Console.Error.WriteLine($"room: scripts/room.sh did not stop within {StopTimeout.TotalSeconds:0} s of SIGTERM; killing it:\n" + string.Join('\n', _log.TakeLast(20)));
                _script.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _script.Dispose();
            Directory.Delete(_state, recursive: true);
            Directory.Delete(_data, recursive: true);
        }
    }

    /// <summary>The harness is being stopped: room.sh stops what it started on SIGTERM; then the signal does what it would (the harness ends).</summary>
    private void StopOnSignal(PosixSignalContext context)
    {
        if (!_script.HasExited)
        {
            Console.Error.WriteLine($"room: {context.Signal}: stopping scripts/room.sh");
            Terminate();
            _script.WaitForExit(StopTimeout);
        }

        try
        {
            Directory.Delete(_state, recursive: true);
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // already gone, or in use for a moment longer: temporary folders either way
        }
    }

    /// <summary>SIGTERM to room.sh (as Ctrl+C would): it stops what it started and exits. Once only.</summary>
    private void Terminate()
    {
        if (!_script.HasExited && Interlocked.Exchange(ref _terminated, 1) == 0)
        {
            using Process term = Process.Start("kill", ["-TERM", _script.Id.ToString(CultureInfo.InvariantCulture)]);
            term.WaitForExit();
        }
    }

    private static void Keep(ConcurrentQueue<string> log, string? line)
    {
        if (line is not null && log.Count < 500)
        {
            log.Enqueue(line);
        }
    }
}
