using Microsoft.Data.Sqlite;
using ShopAdsBot.Insights;

namespace ShopAdsBot.Tests.Insights;

public sealed class SqliteInsightsStoreTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"shopadsbot-store-{Guid.NewGuid():N}", "insights.db");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);

    private static InsightsEvent Event(string name, string conversation, params (string, string)[] properties) =>
        new(name, DateTimeOffset.UtcNow, properties.Append(("conversationId", conversation)).ToDictionary(p => p.Item1, p => p.Item2));

    [Fact]
    public void It_creates_its_folder_and_file_in_WAL_mode_and_keeps_its_salt()
    {
        using var store = new SqliteInsightsStore(path);
        var salt = store.GetOrCreateSalt();

        Assert.True(File.Exists(path));
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)command.ExecuteScalar()!);
        using var reopened = new SqliteInsightsStore(path);
        Assert.Equal(salt, reopened.GetOrCreateSalt());
    }

    [Fact]
    public async Task The_events_of_one_hashed_conversation_can_be_deleted()
    {
        using var store = new SqliteInsightsStore(path);
        await store.WriteAsync(
        [
            Event(InsightsEvents.ConversationStarted, "hash-a", ("channel", "webchat")),
            Event(InsightsEvents.BranchStarted, "hash-a", ("branch", "create-ad")),
            Event(InsightsEvents.ConversationStarted, "hash-b", ("channel", "msteams")),
            // The SDK's per-activity events are not kept in the embedded store (Application Insights has them).
            Event(Microsoft.Bot.Builder.TelemetryLoggerConstants.BotMsgReceiveEvent, "hash-b"),
        ], CancellationToken.None);

        Assert.Equal(2, await store.DeleteConversationAsync("hash-a"));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var summary = await store.SummaryAsync(today, today, []);
        Assert.Equal(1, summary.Conversations.Total);
        Assert.Equal(1, summary.Conversations.ByChannel["msteams"]);
        Assert.Empty(summary.Branches);
    }
}
