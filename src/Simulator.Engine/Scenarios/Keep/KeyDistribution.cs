using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Scenarios.Keep;

/// <summary>Which block a request asks for: uniform, zipf(alpha) (block 0 most popular), always one block, or a fixed list in turn.</summary>
public sealed record KeyDistribution(KeyDistributionKind Kind, double Alpha = 1.0, IReadOnlyList<int>? Blocks = null)
{
    public static KeyDistribution Uniform { get; } = new(KeyDistributionKind.Uniform);

    public static KeyDistribution Zipf(double alpha) => new(KeyDistributionKind.Zipf, alpha);

    public static KeyDistribution List(params int[] blocks) => new(KeyDistributionKind.List, Blocks: blocks);

    /// <summary>The first problem for <paramref name="blockCount"/> blocks, or null.</summary>
    public string? Problem(int blockCount) => Kind switch
    {
        KeyDistributionKind.Zipf when !(Alpha is > 0 and <= 10) => $"zipf alpha must be above 0 and at most 10, got {Alpha}",
        KeyDistributionKind.List when Blocks is null || Blocks.Count == 0 => "a list distribution needs at least one block index",
        KeyDistributionKind.List when Blocks!.Any(b => b < 0 || b >= blockCount) => $"block indexes must be from 0 to {blockCount - 1}",
        _ => null,
    };

    /// <summary>The <paramref name="n"/>th key for one client (lists go round in turn; the others draw from <paramref name="random"/>).</summary>
    public int Next(SeededRandom random, int blockCount, int n) => Kind switch
    {
        KeyDistributionKind.List => Blocks![n % Blocks.Count],
        KeyDistributionKind.Zipf => NextZipf(random, blockCount),
        _ => random.NextInt(blockCount),
    };

    private int NextZipf(SeededRandom random, int blockCount)
    {
        // Inverse CDF over the normalised weights 1/(k+1)^alpha; block counts are small enough to scan.
        double total = 0;
        for (int k = 0; k < blockCount; k++)
        {
            total += Math.Pow(k + 1, -Alpha);
        }

        double target = random.NextDouble() * total;
        for (int k = 0; k < blockCount; k++)
        {
            target -= Math.Pow(k + 1, -Alpha);
            if (target < 0)
            {
                return k;
            }
        }

        return blockCount - 1;
    }
}
