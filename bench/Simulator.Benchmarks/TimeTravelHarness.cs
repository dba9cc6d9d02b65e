using System.Diagnostics;
using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// Time travel through checkpoints, every preset at seed 1: the run to its end with and without
/// checkpoints, then at 10%, 50% and 100% of its length a seek there from a seeded random step
/// and one step back from there, each <see cref="Samples"/> times (median and p95), and the
/// checkpoints' memory. The baseline in the same run is a step back by replay from step 0, as
/// every step back was before checkpoints. Not BenchmarkDotNet: a seek's cost depends on where
/// the run is, which this sets up before every sample.
/// </summary>
internal static class TimeTravelHarness
{
    private const int Samples = 21;

    public static void Run(IReadOnlyCollection<string> only, CheckpointBudget budget)
    {
        Console.WriteLine($"Time travel, Release, seed 1, {Samples} samples, budget {budget.Bytes >> 20} MiB, first interval {budget.Interval} steps; times in ms (median / p95):");
        Console.WriteLine("| preset | steps | to end, none | to end, checkpoints | back by replay | seek 10% | seek 50% | seek 100% | back at 10% | back at 50% | back at 100% | restore alone | checkpoints | memory MiB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (IScenario preset in ScenarioCatalog.All.Where(p => only.Count == 0 || only.Contains(p.Name)))
        {
            Console.WriteLine(Row(preset, budget));
        }
    }

    private static string Row(IScenario preset, CheckpointBudget budget)
    {
        using var plain = new Run(preset, 1);
        double plainEnd = Time(() => plain.RunToEnd());
        int last = plain.Step;
        double replayBack = Time(() => plain.SeekTo(last - 1)); // Reset and replay: the time before checkpoints

        using var run = new Run(preset, 1, checkpoints: budget);
        double end = Time(() => run.RunToEnd());
        var random = new SeededRandom(7);
        var cells = new List<string>();
        int[] targets = [Math.Max(1, last / 10), Math.Max(1, last / 2), last];
        foreach (int target in targets)
        {
            cells.Add(Stats(() => run.SeekTo(random.NextInt(last + 1)), () => run.SeekTo(target)));
        }

        foreach (int target in targets)
        {
            cells.Add(Stats(() => run.SeekTo(target), () => run.SeekTo(target - 1)));
        }

        int checkpointed = run.Checkpoints.LastStep;
        cells.Add(Stats(() => run.SeekTo(last), () => run.SeekTo(checkpointed)));

        return string.Create(CultureInfo.InvariantCulture,
            $"| {preset.Name} | {last} | {plainEnd:F0} | {end:F0} | {replayBack:F0} | {string.Join(" | ", cells)} | {run.Checkpoints.Count} every {run.Checkpoints.Interval} | {run.Checkpoints.Bytes / 1048576.0:F1} ({run.Checkpoints.ChunkBytes / 1048576.0:F1} in chunks) |");
    }

    /// <summary>Median and p95 of <paramref name="measured"/>, each sample after <paramref name="setUp"/>.</summary>
    private static string Stats(Action setUp, Action measured)
    {
        var times = new double[Samples];
        for (int i = 0; i < Samples; i++)
        {
            setUp();
            times[i] = Time(measured);
        }

        Array.Sort(times);
        return string.Create(CultureInfo.InvariantCulture, $"{times[Samples / 2]:F1} / {times[(int)Math.Ceiling(Samples * 0.95) - 1]:F1}");
    }

    private static double Time(Action action)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
