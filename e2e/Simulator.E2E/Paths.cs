namespace BufferLab.Simulator.E2E;

/// <summary>Where the repository, the build configuration and the screenshot folder are.</summary>
internal static class Paths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Debug or Release: the configuration these tests were built with, so the app of the same build runs.</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>Screenshots of each page, kept as test artifacts (not committed).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(RepoRoot, "artifacts", "screenshots")).FullName;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Simulator.sln not found above {AppContext.BaseDirectory}");
    }
}
