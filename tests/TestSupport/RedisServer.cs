using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BufferLab.Simulator.TestSupport;

/// <summary>
/// A redis-server of its own (Debian's package) on a free loopback port, with no persistence and no
/// file left behind, for tests of a room (instances sharing through Redis); stopped afterwards.
/// Missing redis-server is an error saying how to install it, never a skipped test.
/// </summary>
public sealed class RedisServer : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;

    private int _disposed;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string (what BufferLab__Room__Redis takes).</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>The path of Debian's redis-server, or an error saying how to get it.</summary>
    public static string Executable()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/bin"))
        {
            string path = Path.Combine(dir, "redis-server");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("redis-server is not installed: apt-get install -y redis-server (Debian's package; .ci/run installs it).");
    }

    /// <summary>Starts one on <paramref name="port"/> (a free one when 0) and waits until it answers PING.</summary>
    public static async Task<RedisServer> StartAsync(int port = 0)
    {
        port = port == 0 ? FreePort() : port;
        var start = new ProcessStartInfo(Executable(),
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", Path.GetTempPath(), "--loglevel", "warning"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        var log = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new RedisServer(process, port);
        var deadline = Stopwatch.StartNew();
        while (!await server.AnswersAsync().ConfigureAwait(false))
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"redis-server on port {port} did not answer within {StartTimeout.TotalSeconds:0} s:\n" + string.Join('\n', log));
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        return server;
    }

    /// <summary>A loopback port nobody listens on now (the system's choice, released at once).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether it answers PING with PONG now.</summary>
    public async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token).ConfigureAwait(false);
            NetworkStream stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token).ConfigureAwait(false);
            byte[] answer = new byte[16];
            int read = await stream.ReadAsync(answer, timeout.Token).ConfigureAwait(false);
            return Encoding.ASCII.GetString(answer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static void Keep(ConcurrentQueue<string> log, string? line)
    {
        if (line is not null && log.Count < 200)
        {
            log.Enqueue(line);
        }
    }

    /// <summary>Stops the server (a test of faults may do so before its end; a second call does nothing).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
