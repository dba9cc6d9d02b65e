using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Scenarios;

/// <summary>
/// Which key or size a workload picks from [min, max]: uniform; zipf(alpha) with min the most
/// popular; always one value; or a fixed list taken in turn.
/// </summary>
public sealed class Distribution
{
    /// <summary>Most values a zipf draw scans (its weights are cached per range).</summary>
    public const int MaxZipfValues = 1 << 16;

    public const int MaxListValues = 100_000;

    // Runs on several threads may share one distribution (a preset open in two pages): the
    // cached table is swapped in whole, by reference, never updated in place.
    private ZipfTable? _zipf;

    private Distribution(DistributionKind kind, double alpha, IReadOnlyList<int> values)
    {
        Kind = kind;
        Alpha = alpha;
        Values = values;
    }

    public static Distribution Uniform { get; } = new(DistributionKind.Uniform, 1, []);

    public DistributionKind Kind { get; }

    public double Alpha { get; }

    /// <summary>The fixed value (one) or the list.</summary>
    public IReadOnlyList<int> Values { get; }

    public static Distribution Zipf(double alpha) => new(DistributionKind.Zipf, alpha, []);

    public static Distribution Fixed(int value) => new(DistributionKind.Fixed, 1, [value]);

    public static Distribution List(params int[] values) => new(DistributionKind.List, 1, values);

    /// <summary>The first problem for values from <paramref name="min"/> to <paramref name="max"/> (field names as in scenario files), or null.</summary>
    public FieldProblem? Problem(int min, int max) => Kind switch
    {
        DistributionKind.Zipf when !(Alpha is > 0 and <= 10) => new("alpha", $"zipf alpha must be above 0 and at most 10, got {Alpha}"),
        DistributionKind.Zipf when (long)max - min + 1 > MaxZipfValues => new("distribution", $"zipf draws from at most {MaxZipfValues} values; this range has {(long)max - min + 1}", "use uniform, or a smaller range"),
        DistributionKind.List when Values.Count == 0 => new("values", "a list needs at least one value"),
        DistributionKind.List when Values.Count > MaxListValues => new("values", $"a list holds at most {MaxListValues} values, got {Values.Count}"),
        DistributionKind.List or DistributionKind.Fixed when Values.Where(v => v < min || v > max).Select(v => (int?)v).FirstOrDefault() is int bad =>
            new(Kind == DistributionKind.Fixed ? "value" : "values", $"must be from {min} to {max}, got {bad}"),
        _ => null,
    };

    /// <summary>The <paramref name="n"/>th value of one stream (lists go round in turn; the others draw from <paramref name="random"/>).</summary>
    public int Next(SeededRandom random, int min, int max, int n) => Kind switch
    {
        DistributionKind.List => Values[n % Values.Count],
        DistributionKind.Fixed => Values[0],
        DistributionKind.Zipf => min + NextZipf(random, max - min + 1),
        _ => random.NextInt(min, max),
    };

    private int NextZipf(SeededRandom random, int count)
    {
        // Inverse CDF over the normalised weights 1/(k+1)^alpha, scanned in order.
        ZipfTable? zipf = _zipf;
        if (zipf is null || zipf.Weights.Length != count)
        {
            double[] weights = new double[count];
            double total = 0;
            for (int k = 0; k < count; k++)
            {
                weights[k] = Math.Pow(k + 1, -Alpha);
                total += weights[k];
            }

            _zipf = zipf = new ZipfTable(weights, total);
        }

        double target = random.NextDouble() * zipf.Total;
        for (int k = 0; k < count; k++)
        {
            target -= zipf.Weights[k];
            if (target < 0)
            {
                return k;
            }
        }

        return count - 1;
    }

    private sealed record ZipfTable(double[] Weights, double Total);
}
