using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ShopAdsBot.Storage;

/// <summary>
/// Storage:Kind = Sqlite (the default): one row per state key, with its JSON and its ETag, in a local SQLite file.
/// The file is opened in WAL mode (readers never wait for the writer; a killed process loses no committed turn) and
/// every condition of <see cref="VersionedStorage"/> is one SQL statement, so two turns, or two processes on the same
/// file, cannot both win.
/// SQLite lets one connection write at a time, and a commit costs more than the statement in it. So the writes of this
/// process queue up for one writer, which commits what has queued meanwhile in one transaction (a group commit): each
/// statement keeps its own condition and result, and a turn's write completes once its transaction is committed.
/// Before, every turn raced the others for the file's lock, and Microsoft.Data.Sqlite retries a locked write by blocking
/// its thread for 150 ms: most of a busy instance's 99th percentile (docs/performance.md). The busy timeout still
/// covers another process writing to the same file.
/// </summary>
public sealed class SqliteStorage : VersionedStorage
{
    /// <summary>How long a write waits for another writer's lock before the turn fails as a storage fault.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>At most this many writes share a transaction (a few hundred KB of state).</summary>
    private const int MaxWritesPerCommit = 64;

    /// <summary>
    /// At most this many reads at a time. A read takes microseconds, but each connection keeps its own page cache (see
    /// <see cref="Open"/>): one connection per concurrent turn held 20 to 30 MB more memory under load (docs/performance.md).
    /// </summary>
    private static readonly int Readers = Math.Max(2, Environment.ProcessorCount);

    private readonly string connectionString;
    private readonly Channel<PendingWrite> writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim readers = new(Readers);
    private readonly ConcurrentQueue<Reader> idleReaders = new();

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
        _ = Task.Run(WriteLoopAsync);
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    protected override async Task<(string Json, string ETag)?> ReadDocumentAsync(string key, CancellationToken cancellationToken)
    {
        await readers.WaitAsync(cancellationToken);
        try
        {
            // At most Readers reads hold the semaphore, so at most that many readers are ever open.
            var reader = idleReaders.TryDequeue(out var idle) ? idle : new Reader(Open());
            try
            {
                var found = reader.Read(key);
                idleReaders.Enqueue(reader);
                return found;
            }
            catch
            {
                reader.Dispose(); // its connection may be broken: the next read opens a new one
                throw;
            }
        }
        finally
        {
            readers.Release();
        }
    }

    protected override Task<string?> WriteDocumentAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken) =>
        Enqueue(command =>
        {
            var etag = Guid.NewGuid().ToString("N");
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
            return command.ExecuteNonQuery() == 1 ? etag : null;
        }, cancellationToken);

    protected override Task DeleteDocumentAsync(string key, CancellationToken cancellationToken) =>
        Enqueue(command =>
        {
            command.CommandText = "DELETE FROM state WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            command.ExecuteNonQuery();
            return null;
        }, cancellationToken);

    private Task<string?> Enqueue(Func<SqliteCommand, string?> statement, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite(statement, new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously));
        writes.Writer.TryWrite(write); // unbounded: never refused
        return write.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxWritesPerCommit);
        while (await writes.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxWritesPerCommit && writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            Commit(batch);
            batch.Clear();
        }
    }

    /// <summary>One transaction for the batch; each write gets its own result, or the failure that stopped the commit.</summary>
    private void Commit(List<PendingWrite> batch)
    {
        var results = new (string? ETag, Exception? Error)[batch.Count];
        try
        {
            using var connection = OpenForWrites();
            using var transaction = connection.BeginTransaction(deferred: false); // takes the write lock now (BEGIN IMMEDIATE)
            for (var i = 0; i < batch.Count; i++)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                try
                {
                    results[i] = (batch[i].Statement(command), null);
                }
                catch (SqliteException ex)
                {
                    results[i] = (null, ex); // this statement only: SQLite rolls back the statement, not the transaction
                }
            }
            transaction.Commit();
        }
        catch (Exception ex)
        {
            Array.Fill(results, (null, ex));
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                batch[i].Done.SetException(error);
            }
            else
            {
                batch[i].Done.SetResult(results[i].ETag);
            }
        }
    }

    /// <summary>A connection, for reads (in WAL mode they never wait for the writer) or for the writer's transactions.</summary>
    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // A small page cache per connection (256 KB, not SQLite's 2 MB): the kept readers and the writer each filled theirs
        // under load, 5 to 7 MB of the peak RSS, for no more turns per second (the pages are in the OS's file cache).
        using var cache = connection.CreateCommand();
        cache.CommandText = "PRAGMA cache_size = -256";
        cache.ExecuteNonQuery();
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

    private sealed record PendingWrite(Func<SqliteCommand, string?> Statement, TaskCompletionSource<string?> Done);

    /// <summary>
    /// A connection kept open for reads, with its SELECT prepared once. A new command per read made SQLite parse the
    /// statement again, and a pooled connection was taken and given back, on every read of every turn
    /// (docs/performance.md). Used by one read at a time. In WAL mode an idle reader holds no lock: between reads its
    /// statement is reset, so it never keeps the writer from checkpointing.
    /// </summary>
    private sealed class Reader : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly SqliteCommand select;
        private readonly SqliteParameter key;

        public Reader(SqliteConnection connection)
        {
            this.connection = connection;
            select = connection.CreateCommand();
            select.CommandText = "SELECT document, etag FROM state WHERE key = $key";
            key = select.Parameters.Add("$key", SqliteType.Text);
        }

        public (string Json, string ETag)? Read(string keyValue)
        {
            key.Value = keyValue;
            using var reader = select.ExecuteReader(); // Microsoft.Data.Sqlite runs its async methods synchronously
            return reader.Read() ? (reader.GetString(0), reader.GetString(1)) : null;
        }

        public void Dispose()
        {
            select.Dispose();
            connection.Dispose();
        }
    }
}
