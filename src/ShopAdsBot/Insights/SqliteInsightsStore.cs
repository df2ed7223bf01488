using System.Globalization;
using Microsoft.Data.Sqlite;
using static ShopAdsBot.Insights.InsightsProperties;

namespace ShopAdsBot.Insights;

/// <summary>
/// The embedded store (Insights:Kind = Sqlite): one SQLite file in WAL mode (the background writer appends while the
/// page reads), one row per event of the vocabulary, one column per property. Days are UTC "yyyy-MM-dd".
/// </summary>
public sealed class SqliteInsightsStore : IInsightsSink, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
            id INTEGER PRIMARY KEY,
            time TEXT NOT NULL,
            day TEXT NOT NULL,
            name TEXT NOT NULL,
            conversation TEXT,
            channel TEXT,
            language TEXT,
            branch TEXT,
            node TEXT,
            rating TEXT,
            via TEXT,
            score REAL,
            guess TEXT,
            text TEXT
        );
        CREATE INDEX IF NOT EXISTS events_by_day ON events (day, name);
        CREATE INDEX IF NOT EXISTS events_by_conversation ON events (conversation);
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """;

    private const string Insert = """
        INSERT INTO events (time, day, name, conversation, channel, language, branch, node, rating, via, score, guess, text)
        VALUES ($time, $day, $name, $conversation, $channel, $language, $branch, $node, $rating, $via, $score, $guess, $text)
        """;

    private static readonly string[] Columns = [Channel, Language, Branch, Node, Rating, Via, Guess, Text];

    private readonly string connectionString;

    public SqliteInsightsStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, Schema);
    }

    public string Path { get; }

    /// <summary>The salt of the conversation hash, created on first use and kept in the file, so hashes survive restarts.</summary>
    public byte[] GetOrCreateSalt()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO meta (key, value) VALUES ('hashSalt', $salt); SELECT value FROM meta WHERE key = 'hashSalt';";
        command.Parameters.AddWithValue("$salt", Convert.ToBase64String(ConversationHasher.NewSalt()));
        return Convert.FromBase64String((string)command.ExecuteScalar()!);
    }

    public async Task WriteAsync(IReadOnlyList<InsightsEvent> events, CancellationToken cancellationToken)
    {
        var kept = events.Where(e => InsightsEvents.Vocabulary.Contains(e.Name)).ToList();
        if (kept.Count == 0)
        {
            return;
        }
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Insert;
        var time = command.Parameters.Add("$time", SqliteType.Text);
        var day = command.Parameters.Add("$day", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var conversation = command.Parameters.Add("$conversation", SqliteType.Text);
        var score = command.Parameters.Add("$score", SqliteType.Real);
        var columns = Columns.ToDictionary(c => c, c => command.Parameters.Add("$" + c, SqliteType.Text));
        foreach (var e in kept)
        {
            var utc = e.Time.ToUniversalTime();
            time.Value = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            day.Value = Day(utc);
            name.Value = e.Name;
            conversation.Value = (object?)e[ConversationId] ?? DBNull.Value;
            score.Value = double.TryParse(e[Score], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : DBNull.Value;
            foreach (var (column, parameter) in columns)
            {
                parameter.Value = (object?)e[column] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The retention rule: deletes the events of days before <paramref name="before"/>'s day. Returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM events WHERE day < $day";
        command.Parameters.AddWithValue("$day", Day(before.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes every event of one conversation, given its hash (<see cref="ConversationHasher"/>). Returns how many.</summary>
    public async Task<int> DeleteConversationAsync(string conversationHash, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM events WHERE conversation = $conversation";
        command.Parameters.AddWithValue("$conversation", conversationHash);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The figures of GET /insights/api/summary for the days from..to (inclusive). Known branches are listed even at zero.</summary>
    public async Task<InsightsSummary> SummaryAsync(DateOnly from, DateOnly to, IEnumerable<string> knownBranches, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        var range = (Day(from), Day(to));

        var byChannel = await CountsAsync(connection, "SELECT channel, COUNT(*) FROM events WHERE name = 'ConversationStarted' AND day BETWEEN $from AND $to GROUP BY channel", range, cancellationToken);
        var byLanguage = await CountsAsync(connection, "SELECT language, COUNT(*) FROM events WHERE name = 'ConversationStarted' AND day BETWEEN $from AND $to GROUP BY language", range, cancellationToken);

        var branchRows = await QueryAsync(connection, """
            SELECT branch,
                   SUM(name = 'BranchStarted'),
                   SUM(name = 'AnswerRated' AND rating = 'yes'),
                   SUM(name = 'AnswerRated' AND rating = 'no'),
                   SUM(name = 'Escalated')
            FROM events WHERE branch IS NOT NULL AND day BETWEEN $from AND $to GROUP BY branch
            """, range, r => new BranchCounts(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4)), cancellationToken);
        var branches = knownBranches
            .Where(b => branchRows.All(r => r.Branch != b))
            .Select(b => new BranchCounts(b, 0, 0, 0, 0))
            .Concat(branchRows)
            .OrderByDescending(b => b.Started).ThenBy(b => b.Branch, StringComparer.Ordinal)
            .ToList();

        var nodes = await QueryAsync(connection, """
            SELECT branch, node, SUM(rating = 'yes'), SUM(rating = 'no')
            FROM events WHERE name = 'AnswerRated' AND day BETWEEN $from AND $to GROUP BY branch, node
            ORDER BY SUM(rating = 'no') DESC, branch, node
            """, range, r => new NodeCounts(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3)), cancellationToken);

        var notUnderstood = await QueryAsync(connection, """
            SELECT text, COUNT(*), COALESCE(guess, 'none')
            FROM events WHERE name = 'NotUnderstood' AND day BETWEEN $from AND $to GROUP BY text, guess
            ORDER BY COUNT(*) DESC, text, guess LIMIT 50
            """, range, r => new NotUnderstoodCount(r.IsDBNull(0) ? null : r.GetString(0), r.GetInt32(1), r.GetString(2)), cancellationToken);

        return new InsightsSummary(new ConversationCounts(byChannel.Values.Sum(), byChannel, byLanguage), branches, nodes, notUnderstood);
    }

    /// <summary>Conversations started per day, channel and language (the page's first charts).</summary>
    public async Task<List<DailyConversations>> DailyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        return await QueryAsync(connection, """
            SELECT day, COALESCE(channel, 'unknown'), COALESCE(language, 'unknown'), COUNT(*)
            FROM events WHERE name = 'ConversationStarted' AND day BETWEEN $from AND $to
            GROUP BY day, channel, language ORDER BY day, channel, language
            """, (Day(from), Day(to)), r => new DailyConversations(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3)), cancellationToken);
    }

    public void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(connectionString));

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // WAL with NORMAL: no fsync per batch (see SqliteStorage); a power cut may lose the last events, a killed app none.
        Execute(connection, "PRAGMA synchronous = NORMAL;");
        return connection;
    }

    private static string Day(DateTimeOffset utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<Dictionary<string, int>> CountsAsync(SqliteConnection connection, string sql, (string From, string To) range, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, sql, range, r => (Key: r.IsDBNull(0) ? "unknown" : r.GetString(0), Count: r.GetInt32(1)), cancellationToken);
        return rows.ToDictionary(r => r.Key, r => r.Count);
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, (string From, string To) range, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", range.From);
        command.Parameters.AddWithValue("$to", range.To);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
