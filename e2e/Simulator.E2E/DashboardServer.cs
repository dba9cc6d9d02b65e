using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BufferLab.Simulator.E2E;

/// <summary>
/// Starts the real dashboard (the built Simulator.Web executable, as `dotnet run` would) on a free
/// loopback port, waits for the address it prints, and stops it afterwards.
/// </summary>
public sealed partial class DashboardServer : IAsyncDisposable
{
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

    public static async Task<DashboardServer> StartAsync()
    {
        string projectDir = Path.Combine(Paths.RepoRoot, "src", "Simulator.Web");
        string executable = Path.Combine(projectDir, "bin", Paths.Configuration, "net10.0", "Simulator.Web");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"Build the web app first (dotnet build Simulator.sln); not found: {executable}");
        }

        var start = new ProcessStartInfo(executable, ["--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        string dataFolder = Directory.CreateTempSubdirectory("bufferlab-e2e-").FullName;
        start.Environment["BufferLab__DataFolder"] = dataFolder;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the dashboard did not start");
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
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
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        Task finished = await Task.WhenAny(address.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (finished != address.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the dashboard printed no address within 60 s:\n" + string.Join('\n', log));
        }

        return new DashboardServer(process, await address.Task, dataFolder);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(DataFolder, recursive: true);
    }

    [GeneratedRegex(@"Buffer Lab dashboard: (http://\S+)")]
    private static partial Regex AddressLine();
}
