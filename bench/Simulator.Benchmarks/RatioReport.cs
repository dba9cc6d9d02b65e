using BenchmarkDotNet.Reports;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>Prints the ratios the project tracks against upstream's Criterion numbers.</summary>
internal static class RatioReport
{
    public static void Print(Summary noThread, Summary wholeMessage)
    {
        BenchmarkReport pool = Find(noThread, nameof(NoThreadBenchmarks.BufferPool));
        BenchmarkReport heap = Find(noThread, nameof(NoThreadBenchmarks.BufferFromSystemMemory));
        BenchmarkReport control = Find(noThread, nameof(NoThreadBenchmarks.Control));
        BenchmarkReport wholePool = Find(wholeMessage, nameof(WholeMessageBenchmarks.BufferPool));
        BenchmarkReport arrayPool = Find(wholeMessage, nameof(WholeMessageBenchmarks.ArrayPoolRentReturn));

        Console.WriteLine();
        Console.WriteLine($"BufferPool/BufferFromSystemMemory = {Ratio(pool, heap)} (Rust: 0.73, target <= 0.40)");
        Console.WriteLine($"BufferPool/control = {Ratio(pool, control)} (Rust: 5.9)");
        Console.WriteLine($"BufferPool (GetWritable+GetDataOwned+Drop)/ArrayPool Rent+Return = {Ratio(wholePool, arrayPool)}");
        PrintAllocated("BufferPool (bench_no_thread)", pool);
        PrintAllocated("BufferPool (whole message)", wholePool);
        long direct = AllocationCheck.BufferPoolBytesPerInvocation();
        Console.WriteLine($"BufferPool (bench_no_thread) allocated per invocation, this thread only = {direct} B ({(direct == 0 ? "zero" : "NOT zero")})");
    }

    private static BenchmarkReport Find(Summary summary, string method) =>
        summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);

    private static string Ratio(BenchmarkReport numerator, BenchmarkReport denominator)
    {
        double? top = numerator.ResultStatistics?.Mean;
        double? bottom = denominator.ResultStatistics?.Mean;
        return top is { } t && bottom is { } b && b > 0
            ? (t / b).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
            : "n/a (benchmark failed)";
    }

    private static void PrintAllocated(string label, BenchmarkReport report)
    {
        long? bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
        string verdict = bytes switch
        {
            null => "unknown",
            0 => "zero",
            _ => "NOT zero",
        };
        Console.WriteLine($"{label} allocated per invocation (MemoryDiagnoser) = {bytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "n/a"} B ({verdict})");
    }
}
