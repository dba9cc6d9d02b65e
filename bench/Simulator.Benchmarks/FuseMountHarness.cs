using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;
using BufferLab.Simulator.Engine.Systems.Fuse.Mount;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// Issue 16's measured part: dd-style sequential writes, then reads, through a real /dev/fuse
/// mount at 128 KiB, 1 MiB and 4 MiB blocks with direct_io (O_DIRECT and FOPEN_DIRECT_IO), for our
/// three daemons (<see cref="MountSession"/>) and the libfuse3 reference daemon in C, copy and iov
/// replies (<see cref="ReferenceDaemon"/>), in the same run. Each cell is its own mount of 256 MiB.
/// Timed is what dd reports for its copy: writes from a seeded file on tmpfs (/dev/shm), reads to
/// /dev/null (MountOptions.ReadToNull); both are then checked byte for byte, untimed. Median of the repeats;
/// the cells of one repeat are interleaved so drift on the machine hits every daemon alike.
/// </summary>
internal static class FuseMountHarness
{
    /// <summary>vectored-data: vectored with memfs answering READ from Data (no copy into DstBufs), the like of c-iov; vectored and c-copy both copy.</summary>
    public static readonly string[] Daemons = ["master", "vectored", "vectored-data", "contiguous-large", "c-copy", "c-iov"];

    private const long CellBytes = 256L << 20;
    private const int MaxPagesLimit = 1024;
    private const uint MaxMessageSize = 4u << 20;
    private static readonly int[] Blocks = [128 << 10, 1 << 20, 4 << 20];

    public static void Run(IReadOnlyCollection<string> only, int repeat)
    {
        if (only.FirstOrDefault(d => !Daemons.Contains(d)) is { } unknown)
        {
            Console.WriteLine($"fuse-mount: --only takes {string.Join(",", Daemons)}, got '{unknown}'");
            return;
        }

        if (RealMount.Unavailable() is { } reason)
        {
            Console.WriteLine($"fuse-mount: skipped, {reason}");
            return;
        }

        // dd's source file, the check's scratch and the mount points on tmpfs: a 256 MiB file written
        // to a disk-backed /tmp before every cell puts disk writeback on the CPUs while dd runs.
        if (Directory.Exists("/dev/shm"))
        {
            Environment.SetEnvironmentVariable("TMPDIR", "/dev/shm");
        }

        List<string> daemons = [.. Daemons.Where(d => only.Count == 0 || only.Contains(d))];
        ReferenceDaemon? reference = null;
        if (daemons.Any(IsC))
        {
            reference = ReferenceDaemon.Build(out string? why);
            if (reference is null)
            {
                Console.WriteLine($"fuse-mount: {why}");
                daemons.RemoveAll(IsC);
            }
        }

        // The serving loop's first mounts run tier-0 code: one untimed mount per daemon of ours first.
        foreach (string daemon in daemons.Where(d => !IsC(d)))
        {
            _ = Measure(daemon, 1 << 20, 64L << 20, reference);
        }

        var cells = new List<MountCell>();
        for (int r = 1; r <= repeat; r++)
        {
            foreach (int block in Blocks)
            {
                foreach (string daemon in daemons)
                {
                    MountCell cell = Measure(daemon, block, CellBytes, reference);
                    if (cell.Problem is { } first)
                    {
                        // Once: a stale-mount cleanup elsewhere on the machine (RealMount.RemoveStale) can detach our mount mid-cell.
                        Console.Error.WriteLine($"  retrying {daemon} at {Size(block)} once: {first}");
                        cell = Measure(daemon, block, CellBytes, reference) with { Retried = true };
                    }

                    cells.Add(cell);
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  [{r}/{repeat}] {daemon,-16} {Size(block),6}: write {cell.WriteGBps:0.00} GB/s, read {cell.ReadGBps:0.00} GB/s{(cell.Verified ? "" : ", NOT verified")}{(cell.Problem is { } p ? $" ({p})" : "")}"));
                }
            }
        }

        reference?.Dispose();
        MountTable.Print(cells, daemons, repeat, CellBytes, MaxPagesLimit, MaxMessageSize);
    }

    private static bool IsC(string daemon) => daemon.StartsWith("c-", StringComparison.Ordinal);

    private static MountOptions Options(string daemon, int block, long total) => new()
    {
        Mode = IsC(daemon) ? FuseMode.Master : FuseChoices.Modes.Parse(daemon.Replace("-data", "", StringComparison.Ordinal)),
        ReadsFromData = daemon.EndsWith("-data", StringComparison.Ordinal),
        BlockBytes = block,
        TotalBytes = total,
        Direct = true,
        ReadToNull = true,
        MaxPagesLimit = MaxPagesLimit,
        MaxMessageSize = daemon == "master" ? 0 : MaxMessageSize, // the C daemon asks for it as max_write
        Timeout = TimeSpan.FromSeconds(60),
    };

    private static MountCell Measure(string daemon, int block, long total, ReferenceDaemon? reference)
    {
        MountOptions options = Options(daemon, block, total);
        if (IsC(daemon))
        {
            ReferenceResult c = reference!.Run(options, iov: daemon == "c-iov");
            return Cell(daemon, block, c.Transfers, c.LargestRead, c.LargestWrite, null, c.Stopped);
        }

        MountReport report = new MountSession(options).Run();
        long Largest(Func<SizeBucket, int> count) => report.Sizes.Where(s => count(s) > 0).Select(s => s.UpToBytes).DefaultIfEmpty(0).Max();
        return Cell(daemon, block, report.Transfers, Largest(s => s.Reads), Largest(s => s.Writes), report.Costs,
            report.Stopped ?? (report.Unmounted ? null : "the mount was left behind"));
    }

    private static MountCell Cell(string daemon, int block, IReadOnlyList<DdResult> transfers, long largestRead, long largestWrite, DataRequestCosts? costs, string? problem)
    {
        DdResult? write = transfers.FirstOrDefault(t => t.Direction == "write"), read = transfers.FirstOrDefault(t => t.Direction == "read");
        problem ??= transfers.FirstOrDefault(t => t.Error is not null)?.Error ?? (read is null ? "no read" : null);
        return new MountCell(daemon, block, write?.GigabytesPerSecond ?? 0, read?.GigabytesPerSecond ?? 0,
            transfers.Count == 2 && transfers.All(t => t.Verified), largestRead, largestWrite, costs, problem);
    }

    public static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MiB" : $"{bytes >> 10} KiB";
}
