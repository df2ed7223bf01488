using Microsoft.Data.Sqlite;

namespace ShopAdsBot.Storage;

/// <summary>
/// Storage:Kind = Sqlite (the default): one row per state key, with its JSON and its ETag, in a local SQLite file.
/// The file is opened in WAL mode (readers never wait for the writer; a killed process loses no committed turn) and
/// every condition of <see cref="VersionedStorage"/> is one SQL statement, so two turns, or two processes on the same
/// file, cannot both win.
/// SQLite lets one connection write at a time. Writers of this process take turns on an async gate instead of racing for
/// the file's lock: Microsoft.Data.Sqlite retries a locked write by blocking its thread for 150 ms, which, measured
/// under load, was most of a busy instance's 99th percentile. The busy timeout still covers another process's writes.
/// </summary>
public sealed class SqliteStorage : VersionedStorage
{
    /// <summary>How long a write waits for another writer's lock before the turn fails as a storage fault.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    private readonly string connectionString;
    private readonly SemaphoreSlim writeGate = new(1, 1);

    /// <summary>Opens (or creates, with its folder) the database file and its table.</summary>
    public SqliteStorage(string path, TimeSpan? busyTimeout = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling((busyTimeout ?? DefaultBusyTimeout).TotalSeconds)),
        }.ToString();

        using var connection = OpenForWrites();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS state (
                key      TEXT NOT NULL PRIMARY KEY,
                etag     TEXT NOT NULL,
                document TEXT NOT NULL
            );
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    protected override async Task<(string Json, string ETag)?> ReadDocumentAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document, etag FROM state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    protected override Task<string?> WriteDocumentAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken) =>
        OneWriterAtATime(async () =>
        {
            var etag = Guid.NewGuid().ToString("N");
            await using var connection = OpenForWrites();
            await using var command = connection.CreateCommand();
            command.CommandText = condition switch
            {
                { CreateOnly: true } => "INSERT INTO state (key, etag, document) VALUES ($key, $etag, $document) ON CONFLICT (key) DO NOTHING",
                { IfMatch: not null } => "UPDATE state SET etag = $etag, document = $document WHERE key = $key AND etag = $expected",
                _ => "INSERT INTO state (key, etag, document) VALUES ($key, $etag, $document) ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, document = excluded.document",
            };
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$etag", etag);
            command.Parameters.AddWithValue("$document", json);
            command.Parameters.AddWithValue("$expected", (object?)condition.IfMatch ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? etag : null;
        }, cancellationToken);

    protected override Task DeleteDocumentAsync(string key, CancellationToken cancellationToken) =>
        OneWriterAtATime(async () =>
        {
            await using var connection = OpenForWrites();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM state WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private async Task<T> OneWriterAtATime<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>A pooled connection, for reads: in WAL mode they never wait for the writer.</summary>
    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private SqliteConnection OpenForWrites()
    {
        var connection = Open();
        // In WAL mode, NORMAL syncs the log at checkpoints rather than on every commit: a killed app loses no committed
        // turn (the OS has it), only a power cut may lose the last ones; FULL costs an fsync per turn, which bounded a
        // busy instance to a few dozen turns per second (docs/performance.md). Per connection: it is not stored in the file.
        using var synchronous = connection.CreateCommand();
        synchronous.CommandText = "PRAGMA synchronous = NORMAL";
        synchronous.ExecuteNonQuery();
        return connection;
    }
}
