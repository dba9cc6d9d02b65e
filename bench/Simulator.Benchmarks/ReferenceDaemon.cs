using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// bench/fuse-reference/refdaemon.c, the libfuse3 reference daemon: compiled with cc into a
/// temporary directory (libfuse3-dev installed with apt-get when missing and we are root), then
/// mounted on a fresh temporary directory for one cell, with the same dd workload our daemons get
/// (<see cref="MountWorkload"/>), and unmounted. A timeout kills the daemon: the kernel then aborts
/// the connection, dd fails instead of hanging, and the mount is detached.
/// </summary>
internal sealed partial class ReferenceDaemon(string binary) : IDisposable
{
    public string Binary { get; } = binary;

    /// <summary>Compiles the daemon; null and a one-line reason when this machine cannot.</summary>
    public static ReferenceDaemon? Build(out string? reason)
    {
        string source = Path.Combine(FindRepository(), "bench", "fuse-reference", "refdaemon.c");
        if (!File.Exists("/usr/include/fuse3/fuse_lowlevel.h") && Environment.UserName == "root")
        {
            _ = Shell("apt-get", "install -y -qq libfuse3-dev fuse3");
            if (!File.Exists("/usr/include/fuse3/fuse_lowlevel.h"))
            {
                _ = Shell("apt-get", "update -qq");
                _ = Shell("apt-get", "install -y -qq libfuse3-dev fuse3");
            }
        }

        if (!File.Exists("/usr/include/fuse3/fuse_lowlevel.h"))
        {
            reason = "no libfuse3 headers (apt-get install libfuse3-dev as root), the C rows are skipped";
            return null;
        }

        string binary = Path.Combine(Directory.CreateTempSubdirectory("bufferlab-refdaemon-").FullName, "refdaemon");
        (int code, string output) = Shell("cc", $"-O2 -Wall -o {binary} {source} -I/usr/include/fuse3 -lfuse3 -lpthread");
        reason = code == 0 ? null : $"cc failed on {source}: {output.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal)) ?? output.Trim()}";
        return code == 0 ? new ReferenceDaemon(binary) : null;
    }

    /// <summary>One cell: mount with the daemon, run the workload, unmount. Never leaves the mount behind.</summary>
    public ReferenceResult Run(MountOptions options, bool iov)
    {
        string directory = Directory.CreateTempSubdirectory("bufferlab-ref-mount-").FullName;
        using var limit = new Engine.Systems.Fuse.Mount.MaxPagesLimit(options.MaxPagesLimit);
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { directory, options.TotalBytes.ToString(CultureInfo.InvariantCulture), iov ? "--iov" : null, options.Direct ? "--direct" : null, "--max-write", options.MaxMessageSize.ToString(CultureInfo.InvariantCulture) }.OfType<string>())
        {
            start.ArgumentList.Add(arg);
        }

        using Process daemon = Process.Start(start) ?? throw new InvalidOperationException("refdaemon did not start");
        Task<string> stderr = daemon.StandardError.ReadToEndAsync();
        Task<string?> mounted = daemon.StandardOutput.ReadLineAsync();
        try
        {
            if (!mounted.Wait(TimeSpan.FromSeconds(10)) || mounted.Result != "mounted")
            {
                return new ReferenceResult([], $"refdaemon did not mount: {stderr.Wait(TimeSpan.FromSeconds(1)) switch { true => stderr.Result.Trim(), false => "no answer" }}", 0, 0);
            }

            string? stopped = null;
            using var watchdog = new Timer(_ =>
            {
                stopped = $"timed out after {options.Timeout.TotalSeconds:0} s: the daemon was killed";
                daemon.Kill(); // its /dev/fuse closes: the kernel aborts the connection and dd gets an error
            }, null, options.Timeout, Timeout.InfiniteTimeSpan);
            List<DdResult> transfers = new MountWorkload(options, null, directory, "file").Run(CancellationToken.None);
            watchdog.Dispose();
            _ = Shell("umount", directory); // the daemon's read gets ENODEV and its loop ends
            if (!daemon.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                daemon.Kill();
            }

            string served = stderr.Wait(TimeSpan.FromSeconds(5)) ? stderr.Result : "";
            Match sizes = Largest().Match(served);
            return new ReferenceResult(transfers, stopped,
                sizes.Success ? int.Parse(sizes.Groups[1].Value, CultureInfo.InvariantCulture) : 0, sizes.Success ? int.Parse(sizes.Groups[2].Value, CultureInfo.InvariantCulture) : 0);
        }
        finally
        {
            if (!daemon.HasExited)
            {
                daemon.Kill();
                daemon.WaitForExit();
            }

            _ = Shell("umount", $"-l {directory}"); // when anything above failed; harmless when already unmounted
            try
            {
                Directory.Delete(directory);
            }
            catch (IOException)
            {
                // still busy: a temporary directory, left for the system
            }
        }
    }

    /// <summary>Removes the compiled daemon's temporary directory.</summary>
    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Binary)!, recursive: true);

    private static string FindRepository()
    {
        for (string? at = AppContext.BaseDirectory; at is not null; at = Path.GetDirectoryName(at))
        {
            if (File.Exists(Path.Combine(at, "Simulator.sln")))
            {
                return at;
            }
        }

        throw new InvalidOperationException($"no Simulator.sln above {AppContext.BaseDirectory}");
    }

    private static (int Code, string Output) Shell(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        try
        {
            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result + error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{file}: {e.Message}");
        }
    }

    /// <summary>refdaemon's last line: "refdaemon: reads N (largest R B), writes N (largest W B)".</summary>
    [GeneratedRegex(@"reads \d+ \(largest (\d+) B\), writes \d+ \(largest (\d+) B\)")]
    private static partial Regex Largest();
}
