using System.Globalization;
using BenchmarkDotNet.Reports;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>Prints the coalesced-GET figures against Go singleflight's published numbers and the Lazy-task baseline of the same run.</summary>
internal static class KeepReport
{
    /// <summary>golang/sync singleflight BenchmarkDo as published: 195-338 ns per Do.</summary>
    private const double GoLowNs = 195, GoHighNs = 338;

    public static void Print(Summary coalesced, Summary hit)
    {
        Console.WriteLine();
        Console.WriteLine("Coalesced GET of one hot block, ns per GET (ratio to the Lazy-task dictionary of this run; Go singleflight published 195-338 ns):");
        foreach (IGrouping<int, BenchmarkReport> group in coalesced.Reports.GroupBy(r => (int)r.BenchmarkCase.Parameters["Readers"]))
        {
            double? baseline = Mean(group, nameof(CoalescedGetBenchmarks.LazyTaskDictionary));
            foreach (BenchmarkReport report in group)
            {
                double? mean = report.ResultStatistics?.Mean;
                string name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {group.Key,2} readers  {name,-18} {Format(mean),9} ns  ×{Ratio(mean, baseline)} of Lazy  ×{Ratio(mean, GoLowNs)}-{Ratio(mean, GoHighNs)} of Go"));
            }
        }

        BenchmarkReport hitReport = hit.Reports.Single();
        double? hitNs = hitReport.ResultStatistics?.Mean;
        long bytes = FanOutCheck.HitPathBytesPerGet();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ready-buffer hit path: {Format(hitNs)} ns per GET (target <= 200: {(hitNs <= 200 ? "met" : "NOT met")}), {bytes} B allocated per GET on this thread ({(bytes == 0 ? "none" : "NOT zero")})"));
        foreach (int readers in new[] { 8, 64 })
        {
            (int flights, int maxFills, int minJoins) = FanOutCheck.Run(readers, 2000);
            Console.WriteLine($"One fetch per flight, {readers} readers released together, {flights} flights: at most {maxFills} fetch per flight, at least {minJoins} joins ({(maxFills == 1 && minJoins == readers - 1 ? "met" : "NOT met")})");
        }
    }

    private static double? Mean(IEnumerable<BenchmarkReport> reports, string method) =>
        reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method).ResultStatistics?.Mean;

    private static string Format(double? ns) => ns?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a";

    private static string Ratio(double? value, double? baseline) =>
        value is { } v && baseline is { } b && b > 0 ? (v / b).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
