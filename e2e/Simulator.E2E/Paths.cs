using BufferLab.Simulator.TestSupport;

namespace BufferLab.Simulator.E2E;

/// <summary>Where the repository and the screenshot folder are.</summary>
internal static class Paths
{
    public static string RepoRoot => RepoPaths.Root;

    /// <summary>Screenshots of each page, kept as test artifacts (not committed).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(RepoRoot, "artifacts", "screenshots")).FullName;
}
