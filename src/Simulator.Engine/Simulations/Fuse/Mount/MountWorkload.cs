using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>
/// Real I/O from another process: dd writes a file of seeded bytes into the mount (O_DIRECT when
/// direct), then reads the mount's file out (iflag=direct when direct); each transfer is checked
/// byte for byte against what memfs holds. dd's files live in a scratch directory in memory
/// (/dev/shm, so timing a read does not time a disk), removed afterwards. Without a memfs
/// (<paramref name="file"/> null: a daemon in another process, such as the benchmark's C reference)
/// a write is checked by the read that follows it, or by an untimed read-back when none does.
/// </summary>
public sealed partial class MountWorkload(MountOptions options, MemFs? file, string mountDirectory, string fileName)
{
    /// <summary>Runs the writes and then the reads the options ask for; stops at the first dd that fails or when cancelled.</summary>
    public List<DdResult> Run(CancellationToken cancel)
    {
        string scratch = Directory.Exists("/dev/shm") ? Directory.CreateDirectory(Path.Combine("/dev/shm", $"bufferlab-dd-{Guid.NewGuid():N}")).FullName
            : Directory.CreateTempSubdirectory("bufferlab-dd-").FullName;
        try
        {
            var results = new List<DdResult>();
            string target = Path.Combine(mountDirectory, fileName);
            long count = options.TotalBytes / options.BlockBytes;
            byte[]? written = null;
            if (options.Write)
            {
                string source = Path.Combine(scratch, "source");
                written = new byte[options.TotalBytes];
                new SeededRandom(0xB1FF_E12).NextBytes(written);
                File.WriteAllBytes(source, written);
                DdResult write = Dd("write", $"if={source}", $"of={target}", count, options.Direct ? "oflag=direct" : null, "conv=notrunc,fsync");
                bool intact = write.ExitCode == 0 && (file is not null ? file.Content[..(int)options.TotalBytes].SequenceEqual(written)
                    : options.Read || ReadInProcess(target).AsSpan().SequenceEqual(written)); // a read follows: it checks these bytes
                results.Add(write with { Verified = intact });
                if (write.ExitCode != 0)
                {
                    return results;
                }
            }

            if (options.Read && !cancel.IsCancellationRequested)
            {
                string copy = Path.Combine(scratch, "copy");
                DdResult read = Dd("read", $"if={target}", options.ReadToNull ? "of=/dev/null" : $"of={copy}", count, options.Direct ? "iflag=direct" : null, null);
                bool intact = read.ExitCode == 0 && (file is not null || written is not null)
                    && (options.ReadToNull ? ReadInProcess(target) : File.ReadAllBytes(copy)).AsSpan().SequenceEqual(file is not null ? file.Content[..(int)options.TotalBytes] : written);
                results.Add(read with { Verified = intact });
                if (file is null && results.Count == 2)
                {
                    results[0] = results[0] with { Verified = intact }; // the C daemon's write is checked by this read
                }
            }

            return results;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// The mount's file read into memory, a block at a time, outside any timer (reads never land in a file on disk).
    /// Through a page-aligned buffer, as dd's: an array's bytes start mid-page, so with direct_io a 4 MiB read would
    /// span 1025 pages and the kernel would split it (4 MiB - 88 bytes, then 88 bytes).
    /// </summary>
    private unsafe byte[] ReadInProcess(string target)
    {
        byte[] bytes = new byte[options.TotalBytes];
        void* aligned = System.Runtime.InteropServices.NativeMemory.AlignedAlloc((nuint)options.BlockBytes, 4096);
        try
        {
            var buffer = new Span<byte>(aligned, options.BlockBytes);
            using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(target);
            long done = 0;
            while (done < bytes.Length)
            {
                int n = RandomAccess.Read(handle, buffer[..(int)Math.Min(options.BlockBytes, bytes.Length - done)], done);
                if (n == 0)
                {
                    return bytes[..(int)done];
                }

                buffer[..n].CopyTo(bytes.AsSpan((int)done));
                done += n;
            }

            return bytes;
        }
        finally
        {
            System.Runtime.InteropServices.NativeMemory.AlignedFree(aligned);
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
