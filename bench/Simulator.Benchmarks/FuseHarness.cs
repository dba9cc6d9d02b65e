using System.Diagnostics;
using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// READ and WRITE requests of 128 KiB, 1 MiB and 4 MiB through each daemon (master, PR #198
/// vectored, PR #198 contiguous) over the real socket pair, against a plain copy of the same bytes
/// in the same run. Timed is the daemon's side only: ReadOp (read or readv of the request) and
/// Serve (the file system's copy and the writev of the reply); the simulated kernel's sends and
/// receives run outside the timer. Median of 5 passes of 64 requests each, after a warm-up pass.
/// </summary>
internal static class FuseHarness
{
    private const int Requests = 64, Passes = 5;

    public static void Run()
    {
        Console.WriteLine("FUSE daemon paths, median of 5 passes of 64 requests; GB/s of payload, and per request: library copies per byte, heap bytes measured on the thread, large (LOH) allocations from the library's counters:");
        Console.WriteLine("| op | size | daemon | GB/s | × memcpy | library copies / byte | heap B / request | LOH B / request |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (int size in new[] { 128 << 10, 1 << 20, 4 << 20 })
        {
            double memcpy = MemcpyGBps(size);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| copy | {size >> 10} KiB | memcpy | {memcpy:0.00} | 1.00 | | | |"));
            foreach (bool write in new[] { false, true })
            {
                var results = new Dictionary<string, double>();
                foreach ((string name, FuseMountConfig config) in Daemons())
                {
                    (double gbps, double copies, long heap, long loh) = Measure(config, size, write);
                    results[name] = gbps;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {(write ? "WRITE" : "READ")} | {size >> 10} KiB | {name} | {gbps:0.00} | {gbps / memcpy:0.00} | {copies:0.00} | {heap} | {loh} |"));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"|   |   | vectored / contiguous | {results["PR #198 vectored"] / results["PR #198 contiguous"]:0.00} | | | | |"));
            }
        }
    }

    private static IEnumerable<(string, FuseMountConfig)> Daemons()
    {
        yield return ("master", new FuseMountConfig());
        yield return ("PR #198 vectored", new FuseMountConfig { Variant = FuseVariant.Pr198, MaxMessageSize = 4 << 20, EnableVectoredReads = true, EnableVectoredWrites = true });
        yield return ("PR #198 contiguous", new FuseMountConfig { Variant = FuseVariant.Pr198, MaxMessageSize = 4 << 20 });
    }

    private static double MemcpyGBps(int size)
    {
        byte[] source = new byte[size], destination = new byte[size];
        new Engine.Simulation.SeededRandom(1).NextBytes(source);
        double Pass()
        {
            var timer = Stopwatch.StartNew();
            for (int i = 0; i < Requests; i++)
            {
                source.AsSpan().CopyTo(destination);
            }

            return (double)size * Requests / timer.Elapsed.TotalSeconds / 1e9;
        }

        Pass();
        return Median(Pass);
    }

    private static (double GBps, double CopiesPerByte, long HeapPerRequest, long LohPerRequest) Measure(FuseMountConfig config, int size, bool write)
    {
        // master negotiates 1 MiB: larger requests are split by the kernel, as they would be.
        int perRequest = Math.Min(size, config.MaxPayload);
        byte[] file = new byte[8 << 20];
        new Engine.Simulation.SeededRandom(2).NextBytes(file);
        using var channel = new FuseChannel(config.InMessageSize + 4096);
        var daemon = new FuseDaemon(config, channel, new MemFs([.. file]));
        var kernel = new SimulatedKernel(channel, config.PageSize, 1024, file);
        kernel.SendInit(31);
        _ = daemon.ReadOp();
        kernel.ReceiveInit();
        byte[] payload = new byte[perRequest];
        long heap = 0, loh = 0, copied = 0;

        double Pass(bool record)
        {
            long ticks = 0;
            for (int i = 0; i < Requests; i++)
            {
                for (int done = 0; done < size; done += perRequest)
                {
                    ulong offset = (ulong)((i * size + done) % (file.Length - perRequest));
                    _ = write ? kernel.SendWrite(offset, payload) : kernel.SendRead(offset, perRequest);
                    long copiedBefore = daemon.LibraryBytesCopied;
                    long allocated = GC.GetAllocatedBytesForCurrentThread();
                    long largeBefore = daemon.HeapBytes;
                    long start = Stopwatch.GetTimestamp();
                    FuseOp op = daemon.ReadOp()!;
                    daemon.Serve(op);
                    ticks += Stopwatch.GetTimestamp() - start;
                    if (record)
                    {
                        heap += GC.GetAllocatedBytesForCurrentThread() - allocated;
                        // Every library allocation but Grow's 8-byte WriteOut is a block or payload-sized buffer (>= 85,000 bytes: the LOH).
                        loh += daemon.HeapBytes - largeBefore - (write ? FuseWire.WriteOutSize : 0);
                        copied += daemon.LibraryBytesCopied - copiedBefore;
                    }

                    _ = kernel.ReceiveReply();
                }
            }

            return (double)size * Requests / (ticks / (double)Stopwatch.Frequency) / 1e9;
        }

        Pass(record: false); // warm-up: pools and freelists fill
        double gbps = Median(() => Pass(record: true));
        long requests = (long)Requests * Passes * ((size + perRequest - 1) / perRequest);
        return (gbps, (double)copied / ((long)size * Requests * Passes), heap / requests, loh / requests);
    }

    private static double Median(Func<double> pass)
    {
        double[] results = [.. Enumerable.Range(0, Passes).Select(_ => pass())];
        Array.Sort(results);
        return results[Passes / 2];
    }
}
