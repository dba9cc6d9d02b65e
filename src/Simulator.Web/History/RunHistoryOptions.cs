namespace BufferLab.Simulator.Web.History;

/// <summary>Where the run history lives and how much it may hold. Configured under <c>BufferLab</c> (e.g. <c>BufferLab__DataFolder</c> in the environment).</summary>
public sealed record RunHistoryOptions
{
    public const string Section = "BufferLab";

    public const string FileName = "runs.db";

    /// <summary>The folder of <see cref="FileName"/>; made when the first run is saved.</summary>
    public required string DataFolder { get; init; }

    /// <summary>How long a write waits for another writer to let go of the database before it is refused as locked.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest the database may grow (SQLite's max_page_count); past it a save is refused as "full", like a full disk.</summary>
    public long MaxDatabaseBytes { get; init; } = 256L << 20;

    public string DatabasePath => Path.Combine(DataFolder, FileName);

    /// <summary>
    /// <c>BufferLab:DataFolder</c> if set; else the user's data folder (<c>~/.local/share/BufferLab</c>
    /// on Linux), so saved runs outlive a rebuild or a fresh clone; else the content root's App_Data.
    /// </summary>
    public static RunHistoryOptions From(IConfiguration configuration, string contentRoot)
    {
        string? configured = configuration[$"{Section}:DataFolder"];
        string userData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        string folder = !string.IsNullOrWhiteSpace(configured) ? configured
            : !string.IsNullOrEmpty(userData) ? Path.Combine(userData, "BufferLab")
            : Path.Combine(contentRoot, "App_Data");
        return new RunHistoryOptions { DataFolder = Path.GetFullPath(folder, contentRoot) };
    }
}
