using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BufferLab.Simulator.Web.History;

/// <summary>
/// Saved runs in an embedded SQLite database (<see cref="RunHistoryOptions.DatabasePath"/>), made
/// when the first run is saved. Every change is one transaction, so a failure (the database
/// locked by another writer, the disk or the size bound full) changes nothing and is reported as
/// a <see cref="RunHistoryException"/> saying what happened. Thread-safe: each call opens its own
/// connection, as SQLite expects of separate threads.
/// </summary>
/// <remarks>
/// Each run has an owner (the <see cref="OwnerCookie"/> key of the browser that saved it, or none)
/// and a link token (<see cref="HistoryKey"/>). Listing, renaming and deleting take the caller's
/// owner key and touch only that owner's runs; opening takes the token, so anyone with a run's link
/// can open it, and nobody can find another's runs by counting ids. The schema and its migration
/// from version 1 are <see cref="RunHistorySchema"/>'s.
/// </remarks>
public sealed class RunHistoryStore
{
    /// <summary>Most runs kept: past it, delete some before saving more.</summary>
    public const int MaxRuns = 10_000;

    /// <summary>Most runs one listing returns, newest first.</summary>
    public const int MaxListed = 500;

    private const string Columns = "id, name, notes, page, query, scenario_name, scenario_key, scenario_text, library_text, seed, step, last_step, event_log_sha256, engine_version, saved_at, edited_at, reopened_at, reopened_sha256, token, owner";

    private readonly RunHistoryOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private bool _ready;

    public RunHistoryStore(RunHistoryOptions options, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    public string DatabasePath => _options.DatabasePath;

    /// <summary>
    /// Stores <paramref name="run"/>, checked first (<see cref="SavedRunRules"/>), as <paramref name="owner"/>'s
    /// (none: the run is in nobody's list and opens by its link only), with a new link token; returns it as saved.
    /// </summary>
    public SavedRun Save(RunToSave run, string? owner)
    {
        if (SavedRunRules.Check(run) is { Count: > 0 } problems)
        {
            throw new RunHistoryException(string.Join(" ", problems));
        }

        if (owner is not null && !HistoryKey.IsWellFormed(owner))
        {
            throw new RunHistoryException("The owner key is not one this server issued; reload the page to get a new one.");
        }

        (string name, string notes, _) = SavedRunRules.CheckText(run.Name, run.Notes);
        long id = Use(connection =>
        {
            using SqliteTransaction transaction = connection.BeginTransaction();
            using (SqliteCommand count = Command(connection, "SELECT count(*) FROM runs"))
            {
                if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) >= MaxRuns)
                {
                    throw new RunHistoryException($"The history holds {MaxRuns:N0} runs, its limit; delete some to save more.");
                }
            }

            using SqliteCommand insert = Command(connection, """
                INSERT INTO runs (name, notes, page, query, scenario_name, scenario_key, scenario_text, library_text, seed, step, last_step, event_log_sha256, engine_version, saved_at, token, owner)
                VALUES ($name, $notes, $page, $query, $scenarioName, $scenarioKey, $scenarioText, $libraryText, $seed, $step, $lastStep, $sha, $engine, $savedAt, $token, $owner)
                RETURNING id
                """,
                ("$name", name), ("$notes", notes), ("$page", run.Page), ("$query", run.Query), ("$scenarioName", run.ScenarioName), ("$scenarioKey", run.ScenarioKey),
                ("$scenarioText", run.ScenarioText), ("$libraryText", run.LibraryText), ("$seed", run.Seed.ToString(CultureInfo.InvariantCulture)), ("$step", run.Step),
                ("$lastStep", run.LastStep), ("$sha", run.EventLogSha256), ("$engine", run.EngineVersion), ("$savedAt", Now()), ("$token", HistoryKey.New()), ("$owner", owner));
            long saved = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            transaction.Commit();
            return saved;
        }, "save the run", write: true);
        return Find(id) ?? throw new RunHistoryException("The run was saved but cannot be read back.");
    }

    /// <summary>
    /// <paramref name="owner"/>'s saved runs, newest first, at most <see cref="MaxListed"/>; with
    /// <paramref name="search"/>, only those whose name, notes, scenario or page contain it (ignoring
    /// case). No owner (or a malformed key) owns nothing, so lists nothing.
    /// </summary>
    public IReadOnlyList<SavedRun> List(string? owner, string? search = null)
    {
        if (!HistoryKey.IsWellFormed(owner) || !File.Exists(DatabasePath))
        {
            return []; // nothing saved yet: no need to make the file just to read it
        }

        string pattern = "%" + Escape((search ?? "").Trim()) + "%";
        return Use(connection =>
        {
            using SqliteCommand select = Command(connection, $"""
                SELECT {Columns} FROM runs
                WHERE owner = $owner AND (name LIKE $p ESCAPE '\' OR notes LIKE $p ESCAPE '\' OR scenario_name LIKE $p ESCAPE '\' OR page LIKE $p ESCAPE '\')
                ORDER BY saved_at DESC, id DESC LIMIT $limit
                """, ("$owner", owner), ("$p", pattern), ("$limit", MaxListed));
            using SqliteDataReader reader = select.ExecuteReader();
            var runs = new List<SavedRun>();
            while (reader.Read())
            {
                runs.Add(Read(reader));
            }

            return runs;
        }, "read the history", write: false);
    }

    /// <summary>The run with this id, whoever owns it: for the server's own use (no address takes an id; pages and links use the token).</summary>
    public SavedRun? Find(long id) => !File.Exists(DatabasePath) ? null : Use(connection =>
    {
        using SqliteCommand select = Command(connection, $"SELECT {Columns} FROM runs WHERE id = $id", ("$id", id));
        using SqliteDataReader reader = select.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }, "read the run", write: false);

    /// <summary>The run whose link token is <paramref name="token"/>, whoever owns it; null for an unknown or malformed token (never looked up).</summary>
    public SavedRun? FindByToken(string? token) => !HistoryKey.IsWellFormed(token) || !File.Exists(DatabasePath) ? null : Use(connection =>
    {
        using SqliteCommand select = Command(connection, $"SELECT {Columns} FROM runs WHERE token = $token", ("$token", token));
        using SqliteDataReader reader = select.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }, "read the run", write: false);

    /// <summary>Renames <paramref name="owner"/>'s run and replaces its notes (checked as when saving); another owner's run is refused and left as it was.</summary>
    public SavedRun Edit(long id, string? owner, string name, string notes)
    {
        (string n, string text, IReadOnlyList<string> problems) = SavedRunRules.CheckText(name, notes);
        if (problems.Count > 0)
        {
            throw new RunHistoryException(string.Join(" ", problems));
        }

        RequireOwner(owner, "rename");
        int changed = Use(connection =>
        {
            using SqliteCommand update = Command(connection, "UPDATE runs SET name = $name, notes = $notes, edited_at = $now WHERE id = $id AND owner = $owner",
                ("$name", n), ("$notes", text), ("$now", Now()), ("$id", id), ("$owner", owner));
            return update.ExecuteNonQuery();
        }, "save your changes", write: true);
        return changed == 1 ? Find(id)! : throw NotYours(id, "rename it or edit its notes");
    }

    /// <summary>Deletes <paramref name="owner"/>'s run; false if there was none; another owner's run is refused and left as it was.</summary>
    public bool Delete(long id, string? owner)
    {
        RequireOwner(owner, "delete");
        bool deleted = File.Exists(DatabasePath) && Use(connection =>
        {
            using SqliteCommand delete = Command(connection, "DELETE FROM runs WHERE id = $id AND owner = $owner", ("$id", id), ("$owner", owner));
            return delete.ExecuteNonQuery() == 1;
        }, "delete the run", write: true);
        if (deleted || Find(id) is null)
        {
            return deleted;
        }

        throw NotYours(id, "delete it");
    }

    /// <summary>
    /// Notes that the run was reopened now and ran the event log <paramref name="sha256"/>; only
    /// when <paramref name="owner"/> owns it (a visitor with the link sees the check on the page but
    /// does not write to another's history). True when recorded.
    /// </summary>
    public bool RecordReopen(string token, string? owner, string sha256) => HistoryKey.IsWellFormed(token) && HistoryKey.IsWellFormed(owner) && Use(connection =>
    {
        using SqliteCommand update = Command(connection, "UPDATE runs SET reopened_at = $now, reopened_sha256 = $sha WHERE token = $token AND owner = $owner",
            ("$now", Now()), ("$sha", sha256), ("$token", token), ("$owner", owner));
        return update.ExecuteNonQuery() == 1;
    }, "record the reopening", write: true);

    private static void RequireOwner(string? owner, string what)
    {
        if (!HistoryKey.IsWellFormed(owner))
        {
            throw new RunHistoryException($"This browser has no owner key (are cookies blocked?), so it owns no runs to {what}. Nothing was changed.");
        }
    }

    /// <summary>Why a rename or delete changed nothing: the run is gone, or it is another browser's.</summary>
    private RunHistoryException NotYours(long id, string what) => Find(id) is null
        ? new RunHistoryException($"Run {id} is not in the history (deleted meanwhile?). Nothing was changed.")
        : new RunHistoryException($"Run {id} was saved by another browser; only that browser can {what}. Nothing was changed.");

    /// <summary>Runs <paramref name="work"/> on an open connection; SQLite and file errors become a <see cref="RunHistoryException"/> saying what could not be done and why.</summary>
    private T Use<T>(Func<SqliteConnection, T> work, string what, bool write)
    {
        try
        {
            using SqliteConnection connection = Open(write);
            return work(connection);
        }
        catch (SqliteException e)
        {
            throw new RunHistoryException($"Could not {what}: {Explain(e)} Nothing was changed.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunHistoryException($"Could not {what}: the data folder {_options.DataFolder} cannot be used ({e.Message}). Nothing was changed.", e);
        }
    }

    private SqliteConnection Open(bool write)
    {
        if (write)
        {
            Directory.CreateDirectory(_options.DataFolder);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = write ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false, // no handle stays open after a call: the file can be moved, backed up or deleted
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds)),
        }.ToString());
        try
        {
            connection.Open();
            using (SqliteCommand pragmas = Command(connection, "SELECT 1"))
            {
                // The busy wait in milliseconds (DefaultTimeout only counts whole seconds), and the size bound in pages.
                pragmas.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(int)_options.BusyTimeout.TotalMilliseconds}; PRAGMA max_page_count = {Math.Max(8, _options.MaxDatabaseBytes / 4096)};");
                pragmas.ExecuteNonQuery();
            }

            EnsureSchema(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Once per store: the file is brought to the current schema (made, or migrated from version 1) before its first use.</summary>
    private void EnsureSchema(SqliteConnection connection)
    {
        lock (_gate)
        {
            if (_ready)
            {
                return;
            }

            RunHistorySchema.Upgrade(connection, DatabasePath);
            _ready = true;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static SavedRun Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), Text(r, 6), r.GetString(7), Text(r, 8), r.GetString(9),
        r.GetInt32(10), r.GetInt32(11), r.GetString(12), r.GetString(13), Time(r.GetString(14)), Text(r, 15) is { } edited ? Time(edited) : null,
        Text(r, 16) is { } reopened ? Time(reopened) : null, Text(r, 17), r.GetString(18), Text(r, 19));

    private static string? Text(SqliteDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>UTC, round-trip format: sorts as text in time order.</summary>
    private string Now() => _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The search text with LIKE's wildcards taken literally.</summary>
    private static string Escape(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private string Explain(SqliteException e) => e.SqliteErrorCode switch
    {
        5 or 6 => $"the history database is locked by another program or server (waited {_options.BusyTimeout.TotalSeconds:0.#} s); try again in a moment.",
        13 => $"the history database is full (the disk, or its bound of {_options.MaxDatabaseBytes / (1 << 20):N0} MiB); free some space or delete old runs.",
        8 => $"{DatabasePath} is read-only.",
        14 => $"{DatabasePath} cannot be opened (does the folder exist and can this server write to it?).",
        11 or 26 => $"{DatabasePath} is damaged or not a SQLite database; move it away to start a new history.",
        _ => $"SQLite error {e.SqliteErrorCode} on {DatabasePath}: {e.Message}",
    };
}
