using System.Diagnostics;
using System.Globalization;
using System.IO.MemoryMappedFiles;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Filestore;
using BufferLab.Simulator.Engine.Telemetry.HostMemory;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// The std (pread) and mmap readers of <see cref="FileManager"/> over one real 256 MiB file, at 4 KiB,
/// 16 KiB, 256 KiB and 1 MiB, sequential and random, with the file in the page cache and cold
/// (dropped with fsync + posix_fadvise DONTNEED before each pass), in one run. Not BenchmarkDotNet:
/// a cold pass cannot be repeated without dropping the cache between iterations. Each figure is the
/// median of 5 passes; the ratio is std time / mmap time (above 1: mmap is faster).
/// </summary>
internal static class FilestoreReaderHarness
{
    private const long FileBytes = 256L << 20;
    private const int Passes = 5;
    private const int MaxReads = 2048;

    public static void Run()
    {
        string directory = Path.Combine(Path.GetTempPath(), "bufferlab-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "file.bin");
        try
        {
            WriteFile(path);
            Console.WriteLine($"Filestore readers over a {FileBytes >> 20} MiB file, median of {Passes} passes, ns per block read:");
            Console.WriteLine("| size | order | cache | pattern | std | mmap | std/mmap |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (int size in new[] { 4 << 10, 16 << 10, 256 << 10, 1 << 20 })
            {
                foreach (bool random in new[] { false, true })
                {
                    foreach (bool cold in new[] { false, true })
                    {
                        foreach (bool perBlock in new[] { true, false })
                        {
                            long[] offsets = Offsets(size, random);
                            double std = Median(() => Pass(path, ReaderKind.Std, size, offsets, cold, perBlock));
                            double mmap = Median(() => Pass(path, ReaderKind.Mmap, size, offsets, cold, perBlock));
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                $"| {size >> 10} KiB | {(random ? "random" : "sequential")} | {(cold ? "cold" : "in cache")} | {(perBlock ? "open, ReadAt, close (boxo)" : "ReadAt on an open reader")} | {std:0} | {mmap:0} | {std / mmap:0.00} |"));
                        }
                    }
                }
            }

            (double major, double minor) = FirstTouch(path);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"First touch of a mapped page: {major:0} ns cold (a major fault: the page comes from disk), {minor:0} ns when the page cache already holds it (a minor fault)."));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void WriteFile(string path)
    {
        var random = new SeededRandom(1);
        byte[] chunk = new byte[1 << 20];
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        for (long written = 0; written < FileBytes; written += chunk.Length)
        {
            random.NextBytes(chunk);
            file.Write(chunk);
        }

        file.Flush(flushToDisk: true);
    }

    private static long[] Offsets(int size, bool random)
    {
        long blocks = FileBytes / size;
        int reads = (int)Math.Min(MaxReads, blocks);
        var choose = new SeededRandom((ulong)size);
        return [.. Enumerable.Range(0, reads).Select(i => (random ? choose.NextInt((int)blocks) : i) * (long)size)];
    }

    private static double Median(Func<double> pass)
    {
        double[] results = [.. Enumerable.Range(0, Passes).Select(_ => pass())];
        Array.Sort(results);
        return results[Passes / 2];
    }

    /// <summary>One pass; returns ns per read.</summary>
    private static double Pass(string path, ReaderKind kind, int size, long[] offsets, bool cold, bool perBlock)
    {
        SetCache(path, cold);
        byte[] buffer = new byte[size];
        Func<IFileReader> open = kind == ReaderKind.Mmap ? () => MmapReader.Open(path) : () => StdReader.Open(path);
        var timer = Stopwatch.StartNew();
        if (perBlock)
        {
            foreach (long offset in offsets)
            {
                using IFileReader reader = open();
                Check(reader.ReadAt(buffer, offset));
            }
        }
        else
        {
            using IFileReader reader = open();
            foreach (long offset in offsets)
            {
                Check(reader.ReadAt(buffer, offset));
            }
        }

        return timer.Elapsed.TotalNanoseconds / offsets.Length;
    }

    private static void Check((int Read, string? Error) result)
    {
        if (result.Error is not null)
        {
            throw new InvalidOperationException(result.Error);
        }
    }

    /// <summary>Cold: fsync and drop the file's pages; in cache: read it all once.</summary>
    private static void SetCache(string path, bool cold)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (cold)
        {
            using var residency = new FileResidency(file.SafeFileHandle, file.Length);
            residency.Drop();
        }
        else
        {
            byte[] sink = new byte[1 << 20];
            while (file.Read(sink) > 0)
            {
            }
        }
    }

    /// <summary>ns per page to touch every page of a 64 MiB mapping, cold and with the pages in the cache.</summary>
    private static (double Cold, double Warm) FirstTouch(string path)
    {
        double Touch(bool cold)
        {
            SetCache(path, cold);
            const long length = 64L << 20;
            using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            using MemoryMappedViewAccessor view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            int page = Environment.SystemPageSize;
            long sum = 0;
            var timer = Stopwatch.StartNew();
            for (long offset = 0; offset < length; offset += page)
            {
                sum += view.ReadByte(offset);
            }

            double ns = timer.Elapsed.TotalNanoseconds / (length / page);
            GC.KeepAlive(sum);
            return ns;
        }

        return (Median(() => Touch(cold: true)), Median(() => Touch(cold: false)));
    }
}
