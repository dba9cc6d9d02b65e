using BufferLab.Simulator.Web.History;
using Microsoft.Data.Sqlite;

namespace BufferLab.Simulator.Web.Tests.History;

/// <summary>A history written before owners (schema version 1, a real SQLite file) is migrated in place to version 2: every run kept, each with its own token and no owner.</summary>
public sealed class RunHistoryMigrationTests : IDisposable
{
    /// <summary>The schema as Buffer Lab wrote it before owners (RunHistoryStore at version 1), copied here so the test does not depend on the code it checks.</summary>
    private const string Version1 = """
        CREATE TABLE IF NOT EXISTS runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            notes TEXT NOT NULL,
            page TEXT NOT NULL,
            query TEXT NOT NULL,
            scenario_name TEXT NOT NULL,
            scenario_key TEXT NULL,
            scenario_text TEXT NOT NULL,
            library_text TEXT NULL,
            seed TEXT NOT NULL,
            step INTEGER NOT NULL,
            last_step INTEGER NOT NULL,
            event_log_sha256 TEXT NOT NULL,
            engine_version TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            edited_at TEXT NULL,
            reopened_at TEXT NULL,
            reopened_sha256 TEXT NULL);
        CREATE INDEX IF NOT EXISTS runs_by_saved_at ON runs (saved_at DESC, id DESC);
        PRAGMA user_version = 1;
        """;

    private const string Sha = "1d6f7faf7251aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private readonly TempFolder _folder = new();

    private string DatabasePath => Path.Combine(_folder.Path, RunHistoryOptions.FileName);

    private RunHistoryStore Store() => new(new RunHistoryOptions { DataFolder = _folder.Path });

    [Fact]
    public void AVersion1FileIsMigratedInPlaceAndKeepsEveryRun()
    {
        WriteVersion1(("herd", "2026-01-02T03:04:05.0000000Z", null), ("case 3", "2026-01-03T03:04:05.0000000Z", Sha));
        RunHistoryStore store = Store();

        SavedRun herd = store.Find(1)!;
        SavedRun case3 = store.Find(2)!;

        Assert.Equal(2, Scalar("PRAGMA user_version"));
        Assert.Equal(("herd", "notes of herd", "/keep", 800, Sha), (herd.Name, herd.Notes, herd.Page, herd.Step, herd.EventLogSha256));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), herd.SavedAt);
        Assert.True(case3.Reproduced);
        Assert.All([herd, case3], r => Assert.True(HistoryKey.IsWellFormed(r.Token), r.Token));
        Assert.NotEqual(herd.Token, case3.Token);
        Assert.All([herd, case3], r => Assert.Null(r.Owner));

        // No owner: in nobody's list, nobody's to rename or delete, but open to anyone with the link.
        Assert.Empty(store.List(RunHistoryStoreTests.Alice));
        Assert.Equal(herd, store.FindByToken(herd.Token));
        Assert.Throws<RunHistoryException>(() => store.Delete(herd.Id, RunHistoryStoreTests.Alice));
        Assert.Throws<RunHistoryException>(() => store.Edit(herd.Id, RunHistoryStoreTests.Alice, "mine", ""));
        Assert.Equal(2, Scalar("SELECT count(*) FROM runs"));

        // New runs carry on after the old ids, with owners.
        SavedRun added = store.Save(RunHistoryStoreTests.Run("after the migration"), RunHistoryStoreTests.Alice);
        Assert.Equal(3, added.Id);
        Assert.Equal([added], store.List(RunHistoryStoreTests.Alice));

        // A restarted server finds version 2 and changes nothing (the tokens stay what they were).
        Assert.Equal(herd.Token, Store().Find(1)!.Token);
        Assert.Equal(1, Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'runs_by_token' AND sql LIKE '%UNIQUE%'"));
    }

    [Fact]
    public void AnEmptyVersion1FileIsMigratedOnItsFirstRead()
    {
        WriteVersion1();

        Assert.Empty(Store().List(RunHistoryStoreTests.Alice));

        Assert.Equal(2, Scalar("PRAGMA user_version"));
        Assert.Equal(2, Scalar("SELECT count(*) FROM pragma_table_info('runs') WHERE name IN ('token', 'owner')"));
    }

    [Fact]
    public void ANewFileIsMadeAtVersion2()
    {
        SavedRun saved = Store().Save(RunHistoryStoreTests.Run(), RunHistoryStoreTests.Alice);

        Assert.Equal(2, Scalar("PRAGMA user_version"));
        Assert.Equal(RunHistoryStoreTests.Alice, saved.Owner);
    }

    [Fact]
    public void AFileFromANewerVersionIsRefusedAndLeftAsItIs()
    {
        WriteVersion1(("herd", "2026-01-02T03:04:05.0000000Z", null));
        Execute("PRAGMA user_version = 3");
        byte[] before = File.ReadAllBytes(DatabasePath);

        var e = Assert.Throws<RunHistoryException>(() => Store().Find(1));

        Assert.Contains("newer Buffer Lab (history schema 3; this one reads 2)", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(DatabasePath));
    }

    private void WriteVersion1(params (string Name, string SavedAt, string? ReopenedSha)[] runs)
    {
        Execute(Version1);
        foreach ((string name, string savedAt, string? reopened) in runs)
        {
            Execute("""
                INSERT INTO runs (name, notes, page, query, scenario_name, scenario_key, scenario_text, library_text, seed, step, last_step, event_log_sha256, engine_version, saved_at, reopened_at, reopened_sha256)
                VALUES ($name, 'notes of ' || $name, '/keep', 'scenario=keep-job-start-herd&seed=1&step=800', 'keep-job-start-herd', 'keep-job-start-herd', 'name: keep-job-start-herd', NULL, '1', 800, 5128, $sha, '0.1.0', $savedAt,
                        CASE WHEN $reopened IS NULL THEN NULL ELSE $savedAt END, $reopened)
                """, ("$name", name), ("$sha", Sha), ("$savedAt", savedAt), ("$reopened", reopened));
        }
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _folder.Dispose();
}
