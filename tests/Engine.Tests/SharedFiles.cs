namespace BufferLab.Simulator.Engine.Tests;

/// <summary>Finds ../shared (beside the project root) from the test binaries, as CI's fresh clone has it.</summary>
internal static class SharedFiles
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Vectors => Path.Combine(RepoRoot, "..", "shared", "vectors", "buffer_sv2-traces.txt");

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
