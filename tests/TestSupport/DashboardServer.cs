using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BufferLab.Simulator.TestSupport;

/// <summary>
/// Starts the real dashboard (the built Simulator.Web of the caller's configuration, as `dotnet
/// run` would) on a free loopback port with a fresh data folder of its own, waits for the address
/// it prints, and stops it (and deletes the folder) afterwards. The browser tests and the load
/// harness both start it through this.
/// </summary>
public sealed partial class DashboardServer : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private DashboardServer(Process process, Uri address, string dataFolder)
    {
        _process = process;
        Address = address;
        DataFolder = dataFolder;
    }

    public Uri Address { get; }

    /// <summary>The app's data folder (its run history): a fresh temporary one, deleted afterwards, never the user's.</summary>
    public string DataFolder { get; }

    public int Pid => _process.Id;

    /// <param name="environment">ASPNETCORE_ENVIRONMENT: Development for the browser tests, Production (the default of a plain `dotnet run`) for measurements.</param>
    /// <param name="settings">More environment variables for the app (e.g. <c>Logging__LogLevel__Default</c>, <c>BufferLab__Engine__Workers</c>).</param>
    public static async Task<DashboardServer> StartAsync(string environment = "Development", IReadOnlyDictionary<string, string>? settings = null)
    {
        string projectDir = Path.Combine(RepoPaths.Root, "src", "Simulator.Web");
        string dll = Path.Combine(projectDir, "bin", RepoPaths.Configuration, "net10.0", "Simulator.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the web app first (dotnet build src/Simulator.Web -c {RepoPaths.Configuration}); not found: {dll}");
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        string dataFolder = Directory.CreateTempSubdirectory("bufferlab-dashboard-").FullName;
        start.Environment["BufferLab__DataFolder"] = dataFolder;
        foreach ((string name, string value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the dashboard did not start");
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new ConcurrentQueue<string>(); // kept (and drained, so the app never blocks on a full pipe) for the error below
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            log.Enqueue(e.Data);
            if (AddressLine().Match(e.Data) is { Success: true } match)
            {
                address.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        Task finished = await Task.WhenAny(address.Task, process.WaitForExitAsync(), Task.Delay(StartTimeout)).ConfigureAwait(false);
        if (finished != address.Task)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            Directory.Delete(dataFolder, recursive: true);
            throw new InvalidOperationException($"the dashboard printed no address within {StartTimeout.TotalSeconds:0} s:\n" + string.Join('\n', log));
        }

        return new DashboardServer(process, await address.Task.ConfigureAwait(false), dataFolder);
    }

    /// <summary>The app's resident memory (VmRSS), from /proc.</summary>
    public long ResidentBytes() => Status("VmRSS");

    /// <summary>
    /// Of <see cref="ResidentBytes"/>: anonymous memory (the GC's heap, native allocations,
    /// stacks) and file-backed pages (the assemblies' code and data as they are touched).
    /// </summary>
    public (long Anonymous, long FileBacked) ResidentParts() => (Status("RssAnon"), Status("RssFile") + Status("RssShmem"));

    /// <summary>Copies the app's memory map with each mapping's resident size (/proc/&lt;pid&gt;/smaps) to <paramref name="path"/>, to see what a figure is made of.</summary>
    public void SaveMemoryMap(string path) => File.Copy($"/proc/{_process.Id}/smaps", path, overwrite: true);

    /// <summary>A size field of /proc/&lt;pid&gt;/status, in bytes (0 when absent).</summary>
    private long Status(string field)
    {
        foreach (string line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        Directory.Delete(DataFolder, recursive: true);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [GeneratedRegex(@"Buffer Lab dashboard: (http://\S+)")]
    private static partial Regex AddressLine();
}
