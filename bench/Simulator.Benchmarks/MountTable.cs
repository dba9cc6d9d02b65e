using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>The fuse-mount harness's tables (markdown, for the README): median GB/s with the ratio to the C iov daemon, the targets, and our daemons' per-request costs.</summary>
internal static class MountTable
{
    /// <summary>Objects of this many bytes or more go to the large object heap.</summary>
    private const int LohThreshold = 85_000;

    private static double Spread(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length < 2 ? 0 : (sorted[^1] - sorted[0]) / sorted[sorted.Length / 2];
    }

    public static void Print(IReadOnlyList<MountCell> cells, IReadOnlyList<string> daemons, int repeat, long cellBytes, int maxPagesLimit, uint maxMessageSize)
    {
        int[] blocks = [.. cells.Select(c => c.BlockBytes).Distinct().Order()];
        double Median(string daemon, int block, Func<MountCell, double> value)
        {
            double[] values = [.. cells.Where(c => c.Daemon == daemon && c.BlockBytes == block).Select(value).Order()];
            return values.Length == 0 ? double.NaN : values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
        }

        string Cell(string daemon, int block, Func<MountCell, double> value)
        {
            double gbps = Median(daemon, block, value), reference = Median("c-iov", block, value);
            return double.IsNaN(reference) || daemon == "c-iov" ? gbps.ToString("0.00", CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{gbps:0.00} ({gbps / reference:0.00}×)");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FUSE real mount, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, Linux {Environment.OSVersion.Version}: dd with direct_io (O_DIRECT + FOPEN_DIRECT_IO), "
            + $"{cellBytes >> 20} MiB written then read per cell, a fresh mount per cell, median of {repeat}; max_pages_limit {maxPagesLimit}, PR #198 MaxMessageSize {maxMessageSize >> 20} MiB, "
            + $"the C daemon asks max_write {maxMessageSize >> 20} MiB. GB/s (decimal, as dd prints), × the C iov daemon in the same run:"));
        Console.WriteLine($"| daemon | {string.Join(" | ", blocks.Select(b => $"write {FuseMountHarness.Size(b)}"))} | {string.Join(" | ", blocks.Select(b => $"read {FuseMountHarness.Size(b)}"))} | largest READ / WRITE | verified |");
        Console.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---|", blocks.Length * 2))}---|---|");
        foreach (string daemon in daemons)
        {
            MountCell[] mine = [.. cells.Where(c => c.Daemon == daemon)];
            string verified = mine.All(c => c.Verified && c.Problem is null) ? "yes" : string.Join("; ", mine.Select(c => c.Problem ?? (c.Verified ? null : "not verified")).OfType<string>().Distinct());
            Console.WriteLine($"| {daemon} | {string.Join(" | ", blocks.Select(b => Cell(daemon, b, c => c.WriteGBps)))} | {string.Join(" | ", blocks.Select(b => Cell(daemon, b, c => c.ReadGBps)))} | "
                + $"{FuseMountHarness.Size(mine.Max(c => c.LargestRead))} / {FuseMountHarness.Size(mine.Max(c => c.LargestWrite))} | {verified} |");
        }

        Console.WriteLine();
        Console.WriteLine(string.Join("; ", daemons.Select(d => string.Create(CultureInfo.InvariantCulture,
            $"{d} {blocks.SelectMany(b => new Func<MountCell, double>[] { c => c.WriteGBps, c => c.ReadGBps }.Select(v => Spread(cells.Where(c => c.Daemon == d && c.BlockBytes == b).Select(v)))).Average():0%}")))
            + " : spread over the repeats, (max - min) / median, averaged over the cells");
        if (cells.Count(c => c.Retried) is > 0 and var retried)
        {
            Console.WriteLine($"{retried} cell(s) failed once and were run again (see stderr)");
        }

        int largest = blocks.Max();
        if (daemons.Contains("vectored") && daemons.Contains("contiguous-large"))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"- vectored / contiguous-large writes at {FuseMountHarness.Size(largest)}: {Median("vectored", largest, c => c.WriteGBps) / Median("contiguous-large", largest, c => c.WriteGBps):0.00}× (target ≥ 1.3×)"));
        }

        foreach ((string ours, string c) in new[] { ("vectored", "c-iov"), ("vectored-data", "c-iov"), ("vectored", "c-copy") }.Where(p => daemons.Contains(p.Item1) && daemons.Contains(p.Item2)))
        {
            IEnumerable<string> ratios = blocks.SelectMany(b => new[] { ("write", (Func<MountCell, double>)(c => c.WriteGBps)), ("read", c => c.ReadGBps) }
                .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Item1} {FuseMountHarness.Size(b)} {Median(ours, b, d.Item2) / Median(c, b, d.Item2):0.00}×")));
            Console.WriteLine($"- {ours} / {c}{(c == "c-iov" ? " (target ≥ 0.8×)" : "")}: {string.Join(", ", ratios)}");
        }

        Console.WriteLine();
        Console.WriteLine($"Per READ/WRITE request after warm-up ({DataRequestCosts.WarmUp} of each left out; the untimed check read included), last repeat:");
        Console.WriteLine("| daemon | block | requests | library copies B | upstream heap B | .NET allocated B | largest .NET B in one request | LOH allocations |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (MountCell cell in cells.Where(c => c.Costs is not null).GroupBy(c => (c.Daemon, c.BlockBytes)).Select(g => g.Last()))
        {
            DataRequestCosts costs = cell.Costs!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cell.Daemon} | {FuseMountHarness.Size(cell.BlockBytes)} | {costs.Requests} | {costs.LibraryCopiesPerRequest:0} | {costs.HeapBytesPerRequest:0} | {costs.AllocatedBytesPerRequest:0} | {costs.MaxAllocatedBytes} | "
                + $"{(costs.MaxAllocatedBytes < LohThreshold ? "none (every request < 85,000 B)" : "possible")} |"));
        }
    }
}
