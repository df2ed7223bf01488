using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Conversation;

/// <summary>
/// A deploy may rename or remove a branch or a node while conversations are stored mid-flow. The stored stack then
/// names something that no longer exists: the bot apologises, shows the menu, and the next turn works.
/// The content change is simulated by editing the stored conversation state in the bot's own IStorage.
/// </summary>
public class RecoveryTests
{
    private static readonly JsonSerializerSettings StorageJson = new() { TypeNameHandling = TypeNameHandling.All };

    [Theory]
    [InlineData("\"ads-tab-missing\"", "\"ads-tab-removed\"", "2")]               // the branch was renamed
    [InlineData("\"ask-situation\"", "\"ask-removed\"", "2")]                     // the question was renamed
    [InlineData("\"ads-tab-missing\"", "\"ads-tab-removed\"", "Ma boutique est aux États-Unis")]
    [InlineData("\"ads-tab-missing\"", "\"ads-tab-removed\"", "blablabla")]
    public async Task AStoredStepThatNoLongerExistsIsRecoveredPolitely(string stored, string renamed, string nextMessage)
    {
        var client = new BotTestClient();
        var question = await client.OpenBranchAsync("ads-tab-missing");
        await EditStoredStateAsync(client, json => json.Replace(stored, renamed, StringComparison.Ordinal));

        var replies = await client.SendTextAsync(nextMessage);
        Assert.Equal(Text("fr-FR", "recovered"), replies[0].Text);
        Assert.Contains(Text("fr-FR", "menuTitle"), replies.SingleCard().AllText());

        // The next turn works normally.
        var card = (await client.ClickAsync(replies.SingleCard().Button("ads-tab-missing"))).LastCard();
        AssertNode(card, "ads-tab-missing", "ask-situation", "fr-FR");
    }

    [Fact]
    public async Task AClickOnACardOfARemovedBranchIsRecoveredPolitely()
    {
        var client = new BotTestClient("en-US");
        var question = await client.OpenBranchAsync("ads-tab-missing");
        await EditStoredStateAsync(client, json => json.Replace("\"ads-tab-missing\"", "\"ads-tab-removed\"", StringComparison.Ordinal));

        var replies = await client.ClickAsync(question.Button("us-shop"));
        Assert.Equal(Text("en-US", "recovered"), replies[0].Text);
        Assert.Contains(Text("en-US", "menuTitle"), replies.SingleCard().AllText());
    }

    [Fact]
    public async Task UnreadableStoredStateIsRecoveredPolitely()
    {
        var client = new BotTestClient();
        await client.OpenBranchAsync("ads-tab-missing");
        await EditStoredStateAsync(client, json => json.Replace("\"ask-situation\"", "{\"not\":\"a node id\"}", StringComparison.Ordinal));

        var replies = await client.SendTextAsync("2");
        Assert.Equal(Text("fr-FR", "recovered"), replies[0].Text);
        Assert.Contains(Text("fr-FR", "menuTitle"), replies.SingleCard().AllText());
        Assert.Contains(Text("fr-FR", "welcomeTitle"), (await client.SendTextAsync("bonjour")).SingleCard().AllText());
    }

    /// <summary>Reads the conversation's stored state, rewrites its JSON, writes it back (what a deploy "does" to it).</summary>
    private static async Task EditStoredStateAsync(BotTestClient client, Func<string, string> edit)
    {
        var storage = client.Services.GetRequiredService<IStorage>();
        var key = $"{client.ChannelId}/conversations/{client.ConversationId}";
        var items = await storage.ReadAsync([key]);
        var json = JsonConvert.SerializeObject(items[key], StorageJson);
        var edited = edit(json);
        Assert.NotEqual(json, edited);
        // The edited state is a new object: storage writes it create-only, so the old one goes first.
        await storage.DeleteAsync([key]);
        await storage.WriteAsync(new Dictionary<string, object> { [key] = JsonConvert.DeserializeObject(edited, StorageJson)! });
    }
}
