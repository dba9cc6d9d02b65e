using Microsoft.Data.Sqlite;

namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>
/// The datastore under the FileManager (go-datastore's Get, Put, Has, Delete, keys-only Query) as
/// one SQLite table in a file; keys are datastore keys such as "/filestore/CIQ…".
/// </summary>
public sealed class SqliteDatastore : IDisposable
{
    private readonly SqliteConnection _connection;

    public SqliteDatastore(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; CREATE TABLE IF NOT EXISTS datastore (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;");
    }

    public byte[]? Get(string key)
    {
        using SqliteCommand command = Command("SELECT value FROM datastore WHERE key = $key", key);
        return command.ExecuteScalar() as byte[];
    }

    public void Put(string key, byte[] value)
    {
        using SqliteCommand command = Command("INSERT INTO datastore (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    public bool Has(string key)
    {
        using SqliteCommand command = Command("SELECT 1 FROM datastore WHERE key = $key", key);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>Deletes the key; false when it was not there (ds.ErrNotFound).</summary>
    public bool Delete(string key)
    {
        using SqliteCommand command = Command("DELETE FROM datastore WHERE key = $key", key);
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Every key under <paramref name="prefix"/>, in key order.</summary>
    public IReadOnlyList<string> Keys(string prefix)
    {
        using SqliteCommand command = Command("SELECT key FROM datastore WHERE substr(key, 1, length($key)) = $key ORDER BY key", prefix);
        using SqliteDataReader reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, string key)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        return command;
    }
}
