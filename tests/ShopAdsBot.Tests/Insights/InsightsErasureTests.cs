using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;
using ShopAdsBot.Insights;
using ShopAdsBot.Lifecycle;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Insights;

/// <summary>« Effacer mes données » deletes the insights events of that conversation (by its hashed id), and only those.</summary>
public sealed class InsightsErasureTests
{
    [Fact]
    public async Task Through_the_host_the_erased_conversation_has_no_event_left_and_another_keeps_its_own()
    {
        using var host = new BotHost();
        var erased = new HostConversation(host, "erase-" + Guid.NewGuid().ToString("N"));
        var kept = new HostConversation(host, "keep-" + Guid.NewGuid().ToString("N"));
        await StartABranchAndRateItsAnswerAsync(erased);
        await StartABranchAndRateItsAnswerAsync(kept);

        // No wait for the writer here: events of the erased conversation may still be queued when it is erased.
        var question = HostConversation.LastCard(await erased.SayAsync("effacer mes données"));
        var erase = (JObject)question.SelectTokens("$..data").Single(d => (string?)d["command"] == DataErasureMiddleware.EraseCommand)!;
        var done = await erased.ClickAsync(erase);
        Assert.Equal(host.Services.GetRequiredService<ContentCatalog>().Menu.Text("erased", "fr"), (string?)Assert.Single(done)["text"]);

        await host.Services.GetRequiredService<InsightsQueue>().WhenWrittenAsync();
        var hasher = host.Services.GetRequiredService<Lazy<ConversationHasher>>().Value;
        var store = host.Services.GetRequiredService<SqliteInsightsStore>();
        Assert.Empty(EventsOf(store.Path, hasher.Hash(erased.Id)));
        Assert.Equal([InsightsEvents.ConversationStarted, InsightsEvents.BranchStarted, InsightsEvents.AnswerRated], EventsOf(store.Path, hasher.Hash(kept.Id)));
    }

    [Fact]
    public async Task Events_still_queued_when_the_erasure_runs_are_written_first_then_erased()
    {
        var path = Path.Combine(Path.GetTempPath(), $"shopadsbot-erasure-{Guid.NewGuid():N}.db");
        using var store = new SqliteInsightsStore(path);
        var hasher = new Lazy<ConversationHasher>(() => new ConversationHasher(ConversationHasher.NewSalt()));
        var queue = new InsightsQueue(16);
        foreach (var conversation in new[] { "a", "b" })
        {
            queue.TryAdd(new InsightsEvent(InsightsEvents.ConversationStarted, DateTimeOffset.UtcNow, new Dictionary<string, string> { [InsightsProperties.ConversationId] = hasher.Value.Hash(conversation) }));
        }
        var turn = new TurnContext(new TestAdapter(), new Activity(ActivityTypes.Message) { Conversation = new ConversationAccount(id: "a") });

        // The writer is not running yet: both events are in the queue when the erasure starts.
        var erasure = new InsightsEraser(store, queue, hasher).EraseAsync(turn, CancellationToken.None);
        using var writer = new InsightsWriter(queue, [store], null, new InsightsOptions(), new FakeTimeProvider(), NullLogger<InsightsWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        await erasure;
        await queue.WhenWrittenAsync();
        await writer.StopAsync(CancellationToken.None);

        Assert.Empty(EventsOf(path, hasher.Value.Hash("a")));
        Assert.Equal([InsightsEvents.ConversationStarted], EventsOf(path, hasher.Value.Hash("b")));
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    /// <summary>ads-tab-missing from the menu (BranchStarted), « Ma boutique est aux États-Unis », then « oui » (AnswerRated).</summary>
    private static async Task StartABranchAndRateItsAnswerAsync(HostConversation conversation)
    {
        var menu = HostConversation.LastCard(await conversation.SayAsync("menu"));
        var question = HostConversation.LastCard(await conversation.ClickAsync(HostConversation.Button(menu, "ads-tab-missing")));
        await conversation.ClickAsync(HostConversation.Button(question, "us-shop"));
        await conversation.SayAsync("oui");
    }

    /// <summary>The names of the stored events of one hashed conversation, in the order they were written.</summary>
    private static List<string> EventsOf(string path, string conversationHash)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM events WHERE conversation = $conversation ORDER BY id";
        command.Parameters.AddWithValue("$conversation", conversationHash);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
