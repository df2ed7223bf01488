using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Lifecycle;
using ShopAdsBot.Storage;
using ShopAdsBot.Tests.Insights;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Lifecycle;

/// <summary>
/// An activity delivered again (same id, same conversation) is run once: the same POST twice, in sequence and at the
/// same time, through the real host.
/// </summary>
public class RedeliveryTests
{
    [Fact]
    public async Task UnderExpectRepliesTheSamePostTwiceGetsTheSameRepliesAndMovesTheFlowOnce()
    {
        await using var host = new BotHost();
        var conversation = NewConversationId();
        var question = await OpenBranchAsync(host, conversation);
        var click = Click(conversation, question, "us-shop");

        var first = await host.ExpectRepliesAsync((JObject)click.DeepClone());
        var again = await host.ExpectRepliesAsync((JObject)click.DeepClone());

        Assert.Contains(Catalog.Flow("ads-tab-missing").Node("us-menu-path").Title.Fr, first.ToString());
        Assert.Equal(Replies(first), Replies(again));
        // Run once: the flow is at us-menu-path, whose « Non » brings the next remedy (a second run would have said "stale").
        var answer = CardOf(first);
        var next = await host.ExpectRepliesAsync(Click(conversation, answer, "no"));
        Assert.Contains(Catalog.Flow("ads-tab-missing").Node("check-permission").Title.Fr, next.ToString());
        Assert.DoesNotContain(Text("fr-FR", "staleClick"), next.ToString());
    }

    [Fact]
    public async Task TheSamePostTwiceAtTheSameTimeIsRunOnce()
    {
        await using var host = new BotHost();
        var conversation = NewConversationId();
        var question = await OpenBranchAsync(host, conversation);
        var click = Click(conversation, question, "us-shop");

        var both = await Task.WhenAll(host.ExpectRepliesAsync((JObject)click.DeepClone()), host.ExpectRepliesAsync((JObject)click.DeepClone()));

        Assert.Equal(Replies(both[0]), Replies(both[1]));
        Assert.DoesNotContain(Text("fr-FR", "staleClick"), both[0].ToString() + both[1].ToString());
        Assert.DoesNotContain(Text("fr-FR", "conflictMessage"), both[0].ToString() + both[1].ToString());
        var next = await host.ExpectRepliesAsync(Click(conversation, CardOf(both[0]), "no"));
        Assert.Contains(Catalog.Flow("ads-tab-missing").Node("check-permission").Title.Fr, next.ToString());
    }

    [Fact]
    public async Task WithoutExpectRepliesTheSecondDeliveryIsAcknowledgedWithoutReplies()
    {
        await using var connector = await StandInConnector.StartAsync();
        await using var host = new BotHost();
        var message = ActivityJson.Message("l'onglet annonces n'apparait pas", serviceUrl: connector.ServiceUrl, channelId: "webchat", conversationId: NewConversationId());

        var first = await host.PostActivityAsync((JObject)message.DeepClone());
        var sent = connector.Drain();
        var again = await host.PostActivityAsync((JObject)message.DeepClone());

        Assert.True(first.IsSuccessStatusCode && again.IsSuccessStatusCode, $"{first.StatusCode} {again.StatusCode}");
        Assert.Contains(sent, r => r.Card is not null);
        Assert.Empty(connector.Drain());
    }

    [Fact]
    public async Task TheSamePostTwiceAtTheSameTimeWithoutExpectRepliesIsAnsweredOnce()
    {
        await using var connector = await StandInConnector.StartAsync();
        await using var host = new BotHost();
        var message = ActivityJson.Message("l'onglet annonces n'apparait pas", serviceUrl: connector.ServiceUrl, channelId: "webchat", conversationId: NewConversationId());

        var both = await Task.WhenAll(host.PostActivityAsync((JObject)message.DeepClone()), host.PostActivityAsync((JObject)message.DeepClone()));

        Assert.All(both, r => Assert.True(r.IsSuccessStatusCode, $"{r.StatusCode}"));
        var sent = connector.Drain();
        Assert.Single(sent, r => r.Card is not null);
        Assert.Single(sent, r => (string?)r.Body?["text"] == Text("fr-FR", "routedTo", ("title", Catalog.Flow("ads-tab-missing").Title.Fr)));
    }

    [Fact]
    public async Task AfterTheWindowTheSameIdIsRunAgain()
    {
        var clock = new ObservedTimeProvider();
        await using var host = new BotHost
        {
            Settings = new Dictionary<string, string?> { ["Conversation:RedeliveryWindow"] = "00:02:00" },
            TestServices = s => s.AddSingleton<TimeProvider>(clock),
        };
        var conversation = NewConversationId();
        var question = await OpenBranchAsync(host, conversation);
        var click = Click(conversation, question, "us-shop");
        await host.ExpectRepliesAsync((JObject)click.DeepClone());

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(Text("fr-FR", "staleClick"), (await host.ExpectRepliesAsync((JObject)click.DeepClone())).ToString());
        clock.Advance(TimeSpan.FromMinutes(2));
        // Past the window it is a new message: a click on a card already answered, which the bot says is old.
        Assert.Contains(Text("fr-FR", "staleClick"), (await host.ExpectRepliesAsync((JObject)click.DeepClone())).ToString());
    }

    [Fact]
    public async Task TheRecordLivesWithTheConversationStateSoAnotherInstanceKnowsIt()
    {
        // Two instances of the app on one storage, as behind a load balancer.
        var storage = new MemoryStorage();
        await using var first = new BotHost { TestServices = s => s.AddSingleton<IStorage>(storage) };
        await using var second = new BotHost { TestServices = s => s.AddSingleton<IStorage>(storage) };
        var conversation = NewConversationId();
        var question = await OpenBranchAsync(first, conversation);
        var click = Click(conversation, question, "us-shop");

        var replies = await first.ExpectRepliesAsync((JObject)click.DeepClone());
        var redelivered = await second.ExpectRepliesAsync((JObject)click.DeepClone());

        Assert.Equal(Replies(replies), Replies(redelivered));
    }

    [Fact]
    public async Task ADeliveryAgainChangesNothingOfTheConversation()
    {
        // Not even what the turn before left for the next one: the topics it suggested, so that a click on one of
        // them counts as a suggestion taken (insights).
        IStorage storage = new VersionedMemoryStorage();
        await using var host = new BotHost { TestServices = s => s.AddSingleton(storage) };
        var conversation = NewConversationId();
        var vague = ActivityJson.Message(InsightsScript.Vague, "en-US", channelId: "webchat", conversationId: conversation);
        var stateKey = $"webchat/conversations/{conversation}";

        var suggested = await host.ExpectRepliesAsync((JObject)vague.DeepClone());
        var stored = JsonConvert.SerializeObject((await storage.ReadAsync([stateKey]))[stateKey]);
        var again = await host.ExpectRepliesAsync((JObject)vague.DeepClone());

        Assert.Equal(Replies(suggested), Replies(again));
        Assert.Contains("\"suggested\":[", stored); // the memo the next turn reads
        Assert.Equal(stored, JsonConvert.SerializeObject((await storage.ReadAsync([stateKey]))[stateKey]));
    }

    [Fact]
    public async Task ErasingTheConversationsDataErasesTheCopiesOfItsRepliesToo()
    {
        IStorage storage = new MemoryStorage();
        await using var host = new BotHost { TestServices = s => s.AddSingleton<IStorage>(storage) };
        var erased = NewConversationId();
        var kept = NewConversationId();
        await OpenBranchAsync(host, erased);
        await OpenBranchAsync(host, kept);
        Assert.Equal(2, (await storage.ReadAsync(CopyKeys(erased))).Count); // the menu's replies and the branch's

        var asked = CardOf(await host.ExpectRepliesAsync(ActivityJson.Message("effacer mes données", channelId: "webchat", conversationId: erased)));
        var done = await host.ExpectRepliesAsync(ClickMessage(erased, asked.CommandButton(DataErasureMiddleware.EraseCommand)));

        Assert.Contains(Text("fr-FR", "erased"), done.ToString());
        Assert.Empty(await storage.ReadAsync(CopyKeys(erased))); // nor a copy of the answer that says so
        Assert.Equal(2, (await storage.ReadAsync(CopyKeys(kept))).Count);
    }

    private static string[] CopyKeys(string conversation) =>
        [.. Enumerable.Range(0, ReplyCopies.Slots).Select(slot => $"webchat/conversations/{conversation}/replies/{slot}")];

    private static string NewConversationId() => "redelivery-" + Guid.NewGuid().ToString("N");

    private static async Task<JObject> OpenBranchAsync(BotHost host, string conversation)
    {
        var menu = CardOf(await host.ExpectRepliesAsync(ActivityJson.Message("menu", channelId: "webchat", conversationId: conversation)));
        return CardOf(await host.ExpectRepliesAsync(ClickMessage(conversation, menu.Button("ads-tab-missing"))));
    }

    private static JObject Click(string conversation, JObject card, string choice) => ClickMessage(conversation, card.Button(choice));

    private static JObject ClickMessage(string conversation, JObject data)
    {
        var activity = ActivityJson.Message("", channelId: "webchat", conversationId: conversation);
        activity.Remove("text");
        activity["value"] = data;
        return activity;
    }

    private static JObject CardOf(JArray replies) =>
        (JObject)replies.SelectMany(r => r["attachments"] ?? new JArray()).Last()["content"]!;

    /// <summary>What the seller sees of the replies (the ids and timestamps of a replay may differ).</summary>
    private static string Replies(JArray replies) =>
        new JArray(replies.Select(r => new JObject { ["type"] = r["type"], ["text"] = r["text"], ["attachments"] = r["attachments"] })).ToString();
}
