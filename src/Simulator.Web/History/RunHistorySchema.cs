using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BufferLab.Simulator.Web.History;

/// <summary>
/// The history database's schema, versioned by SQLite's <c>user_version</c>. Version 1 had no
/// owners; version 2 adds each run's <c>owner</c> (the key of the browser that saved it) and its
/// <c>token</c> (the secret of its link). A version-1 file is migrated in place, in one
/// transaction: every run gets a fresh token and no owner, so it is in nobody's list but still
/// opens by its link (which the people who had it can no longer find: the owner of a run saved
/// before owners existed cannot be known).
/// </summary>
internal static class RunHistorySchema
{
    public const int Version = 2;

    /// <summary>The first schema, as Buffer Lab wrote it before owners (the migration starts from it).</summary>
    public const string Version1 = """
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
        """;

    // ALTER TABLE cannot add a NOT NULL column without a default: the store always writes a token,
    // and the unique index keeps two runs from sharing one.
    private const string Version2 = """
        ALTER TABLE runs ADD COLUMN token TEXT NULL;
        ALTER TABLE runs ADD COLUMN owner TEXT NULL;
        """;

    private const string Version2Indexes = """
        CREATE UNIQUE INDEX runs_by_token ON runs (token);
        CREATE INDEX runs_by_owner ON runs (owner, saved_at DESC, id DESC);
        """;

    /// <summary>Brings the database on <paramref name="connection"/> to <see cref="Version"/>; a newer file is refused, untouched.</summary>
    public static void Upgrade(SqliteConnection connection, string path)
    {
        long seen = UserVersion(connection);
        if (seen == Version)
        {
            return;
        }

        if (seen > Version)
        {
            throw Newer(path, seen);
        }

        // IMMEDIATE (Microsoft.Data.Sqlite's default): another process migrating at the same time
        // waits, then finds the work done when it reads the version again.
        using SqliteTransaction transaction = connection.BeginTransaction();
        long found = UserVersion(connection);
        if (found > Version)
        {
            throw Newer(path, found);
        }

        if (found < 1)
        {
            Execute(connection, Version1);
        }

        if (found < 2)
        {
            Execute(connection, Version2);
            GiveEveryRunAToken(connection);
            Execute(connection, Version2Indexes);
        }

        Execute(connection, $"PRAGMA user_version = {Version}");
        transaction.Commit();
    }

    public static long UserVersion(SqliteConnection connection)
    {
        using SqliteCommand version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        return Convert.ToInt64(version.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static RunHistoryException Newer(string path, long found) =>
        new($"{path} was written by a newer Buffer Lab (history schema {found}; this one reads {Version}).");

    private static void GiveEveryRunAToken(SqliteConnection connection)
    {
        var ids = new List<long>();
        using (SqliteCommand select = connection.CreateCommand())
        {
            select.CommandText = "SELECT id FROM runs WHERE token IS NULL";
            using SqliteDataReader reader = select.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        using SqliteCommand update = connection.CreateCommand();
        update.CommandText = "UPDATE runs SET token = $token WHERE id = $id";
        SqliteParameter token = update.Parameters.Add("$token", SqliteType.Text);
        SqliteParameter id = update.Parameters.Add("$id", SqliteType.Integer);
        foreach (long each in ids)
        {
            (token.Value, id.Value) = (HistoryKey.New(), each);
            update.ExecuteNonQuery();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
