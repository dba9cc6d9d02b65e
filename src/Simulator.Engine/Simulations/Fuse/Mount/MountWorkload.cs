using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>
/// Real I/O from another process: dd writes a file of seeded bytes into the mount (O_DIRECT when
/// direct), then reads the mount's file back out; each transfer is checked byte for byte against
/// what memfs holds. The bytes live in a scratch directory beside the mount, removed afterwards.
/// </summary>
public sealed partial class MountWorkload(MountOptions options, MemFs file, string mountDirectory, string fileName)
{
    /// <summary>Runs the writes and then the reads the options ask for; stops at the first dd that fails or when cancelled.</summary>
    public List<DdResult> Run(CancellationToken cancel)
    {
        string scratch = Directory.CreateTempSubdirectory("bufferlab-dd-").FullName;
        try
        {
            var results = new List<DdResult>();
            string target = Path.Combine(mountDirectory, fileName);
            long count = options.TotalBytes / options.BlockBytes;
            if (options.Write)
            {
                string source = Path.Combine(scratch, "source");
                byte[] bytes = new byte[options.TotalBytes];
                new SeededRandom(0xB1FF_E12).NextBytes(bytes);
                File.WriteAllBytes(source, bytes);
                DdResult write = Dd("write", $"if={source}", $"of={target}", count, options.Direct ? "oflag=direct" : null, "conv=notrunc,fsync");
                write = write with { Verified = write.ExitCode == 0 && file.Content[..(int)options.TotalBytes].SequenceEqual(bytes) };
                results.Add(write);
                if (write.ExitCode != 0)
                {
                    return results;
                }
            }

            if (options.Read && !cancel.IsCancellationRequested)
            {
                string copy = Path.Combine(scratch, "copy");
                DdResult read = Dd("read", $"if={target}", $"of={copy}", count, options.Direct ? "iflag=direct" : null, null);
                results.Add(read with { Verified = read.ExitCode == 0 && File.ReadAllBytes(copy).AsSpan().SequenceEqual(file.Content[..(int)options.TotalBytes]) });
            }

            return results;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private DdResult Dd(string direction, string input, string output, long count, string? flag, string? conv)
    {
        var start = new ProcessStartInfo("dd") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { input, output, $"bs={options.BlockBytes}", $"count={count}", flag, conv }.OfType<string>())
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using Process dd = Process.Start(start) ?? throw new InvalidOperationException("dd did not start");
        // No cancellation here: cancelling aborts the connection, so dd ends with an error of its own.
        Task<string> stderr = dd.StandardError.ReadToEndAsync(CancellationToken.None);
        dd.WaitForExit();
        string report = stderr.GetAwaiter().GetResult();
        Match copied = Copied().Match(report);
        double seconds = copied.Success ? double.Parse(copied.Groups[2].Value, CultureInfo.InvariantCulture) : clock.Elapsed.TotalSeconds;
        long bytes = copied.Success ? long.Parse(copied.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        string? error = dd.ExitCode == 0 ? null : string.Join(" / ", report.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("dd:", StringComparison.Ordinal)));
        return new DdResult(direction, bytes, seconds, dd.ExitCode, error, false);
    }

    /// <summary>dd's summary line: "268435456 bytes (268 MB, 256 MiB) copied, 0.0926 s, 2.9 GB/s".</summary>
    [GeneratedRegex(@"^(\d+) bytes .*copied, ([0-9.]+) s", RegexOptions.Multiline)]
    private static partial Regex Copied();
}
