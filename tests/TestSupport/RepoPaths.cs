namespace BufferLab.Simulator.TestSupport;

/// <summary>Where the repository is, and which build configuration the running program (a test assembly, the harness) comes from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration of the running program's build (bin/&lt;configuration&gt;/net10.0), so the app of the same build runs.</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static string FindRoot()
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
