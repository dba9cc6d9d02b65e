using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using BufferLab.Simulator.TestSupport;
using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>
/// A room for browser tests: scripts/room.sh with two dashboard instances (the build of these
/// tests' configuration), redis-server and nginx, the balancer on a free loopback port, its state
/// (pids, ports, ready) in a folder of its own; a headless Chromium; and, afterwards, the room
/// stopped with SIGTERM (as Ctrl+C would) and checked: no process of it may be left running.
/// Missing redis-server, nginx or Chromium is an error saying how to install it, never a skip.
/// </summary>
public sealed class RoomFixture : IAsyncLifetime
{
    public const int Instances = 2;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<string> _log = new();

    private readonly string _state = Directory.CreateTempSubdirectory("bufferlab-room-state-").FullName;

    private readonly string _data = Directory.CreateTempSubdirectory("bufferlab-room-data-").FullName;

    private Process? _room;

    private IPlaywright? _playwright;

    /// <summary>Every process the room started (redis-server, the instances, nginx), read from its state folder once it was ready.</summary>
    private Dictionary<string, int> _pids = [];

    /// <summary>The balancer, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The instances' names, as they show in the app bar ("instance 1"): 1 to <see cref="Instances"/>.</summary>
    public static IReadOnlyList<string> InstanceNames { get; } = [.. Enumerable.Range(1, Instances).Select(k => k.ToString(CultureInfo.InvariantCulture))];

    public async Task InitializeAsync()
    {
        Require(BrowserFixture.ChromiumPath, "chromium");
        Require(RedisServer.Executable(), "redis-server");
        Require("/usr/sbin/nginx", "nginx");

        int port = RedisServer.FreePort();
        var start = new ProcessStartInfo("bash",
        [
            Path.Combine(RepoPaths.Root, "scripts", "room.sh"), "--instances", Instances.ToString(CultureInfo.InvariantCulture),
            "--port", port.ToString(CultureInfo.InvariantCulture), "--state", _state, "--no-build", "--configuration", RepoPaths.Configuration,
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["BufferLab__DataFolder"] = _data; // one fresh history for the room's instances, never the user's
        _room = Process.Start(start) ?? throw new InvalidOperationException("scripts/room.sh did not start");
        _room.OutputDataReceived += (_, e) => Keep(e.Data);
        _room.ErrorDataReceived += (_, e) => Keep(e.Data);
        _room.BeginOutputReadLine();
        _room.BeginErrorReadLine();

        string ready = Path.Combine(_state, "ready");
        var waited = Stopwatch.StartNew();
        while (!File.Exists(ready))
        {
            if (_room.HasExited || waited.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"scripts/room.sh was not ready within {StartTimeout.TotalSeconds:0} s (exit {(_room.HasExited ? _room.ExitCode : "none yet")}):\n" + string.Join('\n', _log));
            }

            await Task.Delay(100);
        }

        Address = new Uri((await File.ReadAllTextAsync(ready)).Trim() + "/");
        _pids = Directory.EnumerateFiles(_state, "*.pid").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            f => int.Parse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture));
        Assert.Equal(Instances + 2, _pids.Count); // redis-server, nginx and each instance

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A page in a fresh browser context (no cookie yet) at <paramref name="path"/> behind the balancer, with what answered its first request.</summary>
    public async Task<(IPage Page, IResponse Response)> OpenFreshAsync(string path, int timeoutMs = 30_000)
    {
        IBrowserContext context = await Browser.NewContextAsync(new() { BaseURL = Address.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        IPage page = await context.NewPageAsync();
        page.SetDefaultTimeout(timeoutMs);
        IResponse response = await page.GotoAsync(path, new() { Timeout = timeoutMs }) ?? throw new InvalidOperationException($"no response for {path}");
        return (page, response);
    }

    /// <summary>
    /// A page at <paramref name="path"/> served, prerender and circuit, by instance
    /// <paramref name="instance"/>: a browser context is given owner cookies (random keys, as the
    /// app issues them) until the balancer's hash of one lands there, once the page is interactive.
    /// </summary>
    public async Task<IPage> OpenOnAsync(string instance, string path, int timeoutMs = 30_000)
    {
        for (int attempt = 0; attempt < 40; attempt++)
        {
            IBrowserContext context = await Browser.NewContextAsync(new() { BaseURL = Address.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
            await context.AddCookiesAsync([new Cookie { Name = "bufferlab.owner", Value = NewOwnerKey(), Url = Address.ToString() }]);
            IPage page = await context.NewPageAsync();
            page.SetDefaultTimeout(timeoutMs);
            IResponse? response = await page.GotoAsync(path, new() { Timeout = timeoutMs });
            if (response is not null && await response.HeaderValueAsync("x-bufferlab-instance") == instance)
            {
                await page.WaitForSelectorAsync("html[data-interactive]");
                await Expect.TextAsync(page.GetByTestId("instance-name"), $"instance {instance}");
                return page;
            }

            await context.CloseAsync();
        }

        throw new InvalidOperationException($"40 owner cookies never landed on instance {instance}: is it running? (pids {string.Join(", ", _pids)})");
    }

    /// <summary>
    /// How many data-protection keys the room's Redis holds (its list <c>bufferlab:data-protection-keys</c>):
    /// on one machine, instances alone would share the user's key folder instead, so this is what
    /// shows the keys they used came from Redis.
    /// </summary>
    public async Task<long> KeysInRedisAsync()
    {
        int port = int.Parse(await File.ReadAllTextAsync(Path.Combine(_state, "redis.port")), CultureInfo.InvariantCulture);
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
        System.Net.Sockets.NetworkStream stream = client.GetStream();
        await stream.WriteAsync("LLEN bufferlab:data-protection-keys\r\n"u8.ToArray());
        byte[] answer = new byte[64];
        int read = await stream.ReadAsync(answer);
        string text = System.Text.Encoding.ASCII.GetString(answer, 0, read); // ":N\r\n"
        Assert.StartsWith(":", text, StringComparison.Ordinal);
        return long.Parse(text.AsSpan(1).TrimEnd(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Kills instance <paramref name="instance"/> (SIGKILL, as a crash), for tests of what its
    /// browsers do then. The room goes on with one instance fewer for the tests after: use it last,
    /// or pin those to the instances still alive.
    /// </summary>
    public void KillInstance(string instance)
    {
        using Process process = Process.GetProcessById(_pids[$"instance-{instance}"]);
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>An owner key as the app issues one (<c>HistoryKey</c>): 16 random bytes, 22 characters of base64url.</summary>
    public static string NewOwnerKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        try
        {
            await StopRoomAsync();
        }
        finally
        {
            Directory.Delete(_state, recursive: true);
            Directory.Delete(_data, recursive: true);
        }
    }

    /// <summary>SIGTERM to room.sh, which stops what it started; then nothing of the room may be left running.</summary>
    private async Task StopRoomAsync()
    {
        if (_room is null)
        {
            return;
        }

        if (!_room.HasExited)
        {
            using Process kill = Process.Start("kill", ["-TERM", _room.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var stopped = new CancellationTokenSource(StopTimeout);
        bool exited = await _room.WaitForExitAsync(stopped.Token).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
        string[] left = [.. _pids.Where(p => ProcessIds.IsRunning(p.Value)).Select(p => $"{p.Key} (pid {p.Value})")];
        foreach ((string _, int pid) in _pids.Where(p => ProcessIds.IsRunning(p.Value)))
        {
            using Process process = Process.GetProcessById(pid);
            process.Kill();
        }

        if (!exited)
        {
            _room.Kill();
        }

        _room.Dispose();
        Assert.True(exited, $"scripts/room.sh did not stop within {StopTimeout.TotalSeconds:0} s of SIGTERM:\n" + string.Join('\n', _log));
        Assert.True(left.Length == 0, "scripts/room.sh left running: " + string.Join(", ", left));
    }

    private static void Require(string path, string package)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: install Debian's {package} (apt-get install -y {package}); .ci/run does.");
        }
    }

    private void Keep(string? line)
    {
        if (line is not null && _log.Count < 500)
        {
            _log.Enqueue(line);
        }
    }
}
