using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Lifecycle;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Lifecycle;

/// <summary>« Effacer mes données » / "delete my data": a confirmation, then the conversation's data is gone from the storage.</summary>
public class DataErasureTests
{
    [Theory]
    [InlineData("fr-FR", "effacer mes données")]
    [InlineData("fr-FR", "Supprimer mes donnees !")]
    [InlineData("en-US", "Delete my data")]
    public async Task AfterTheConfirmationTheConversationAndUserStateAreDeletedFromTheStorage(string locale, string typed)
    {
        var client = new BotTestClient(locale, services: BotTestClient.BuildServices());
        await client.OpenBranchAsync("ads-tab-missing");
        var storage = client.Services.GetRequiredService<IStorage>();
        var (conversationKey, userKey) = Keys(client);
        await storage.WriteAsync(new Dictionary<string, object> { [userKey] = new JObject { ["seen"] = true } });
        Assert.NotEmpty(await storage.ReadAsync([conversationKey]));

        var asked = (await client.SendTextAsync(typed)).SingleCard();
        Assert.Equal(Text(locale, "eraseQuestion"), asked.AllText().Split('\n')[0]);
        Assert.Equal([Text(locale, "eraseYes"), Text(locale, "eraseNo")], asked.SubmitActions().Select(a => (string)a["title"]!));
        Assert.NotEmpty(await storage.ReadAsync([conversationKey])); // nothing erased before the confirmation

        var done = await client.ClickAsync(asked.CommandButton(DataErasureMiddleware.EraseCommand));

        Assert.Equal(Text(locale, "erased"), Assert.Single(done).Text);
        Assert.Empty(await storage.ReadAsync([conversationKey, userKey]));
        // The conversation starts afresh: the branch is forgotten.
        Assert.Contains(Text(locale, "menuTitle"), (await client.SendTextAsync("menu")).SingleCard().AllText());
    }

    [Fact]
    public async Task ATypedOuiConfirmsAndATypedNonKeepsEverything()
    {
        var client = new BotTestClient();
        var question = await client.OpenBranchAsync("ads-tab-missing");
        var storage = client.Services.GetRequiredService<IStorage>();
        var (conversationKey, _) = Keys(client);

        await client.SendTextAsync("effacer mes données");
        Assert.Equal(Text("fr-FR", "eraseKept"), Assert.Single(await client.SendTextAsync("non")).Text);
        // Kept: the branch goes on where it was.
        AssertNode((await client.ClickAsync(question.Button("us-shop"))).LastCard(), "ads-tab-missing", "us-menu-path", "fr-FR");

        await client.SendTextAsync("effacer mes données");
        Assert.Equal(Text("fr-FR", "erased"), Assert.Single(await client.SendTextAsync("oui")).Text);
        Assert.Empty(await storage.ReadAsync([conversationKey]));
    }

    [Fact]
    public async Task AnotherMessageAfterTheQuestionIsHandledAsUsualAndErasesNothing()
    {
        var client = new BotTestClient();
        var question = await client.OpenBranchAsync("ads-tab-missing");
        await client.SendTextAsync("effacer mes données");

        var replies = await client.ClickAsync(question.Button("us-shop"));
        AssertNode(replies.LastCard(), "ads-tab-missing", "us-menu-path", "fr-FR");
        // The question is over: a later « oui » answers the step (« Cela a-t-il résolu… ? »), it erases nothing.
        Assert.Equal(Text("fr-FR", "resolvedThanks"), (await client.SendTextAsync("oui")).SingleCard().AllText().Split('\n')[0]);
    }

    [Fact]
    public async Task EveryRegisteredEraserRunsForTheConversation()
    {
        var erased = new List<string>();
        var client = new BotTestClient(services: BotTestClient.BuildServices(s => s.AddSingleton<IConversationDataEraser>(new RecordingEraser(erased))));
        await client.SendTextAsync("effacer mes données");

        await client.SendTextAsync("oui");

        Assert.Equal([client.ConversationId], erased);
    }

    [Fact]
    public async Task InATeamsChannelTheMentionedCommandWorks()
    {
        var teams = new TeamsConversation(TeamsScope.Channel);
        var client = teams.Client();

        var replies = await client.SendAsync(TeamsConversation.ToActivity(teams.Message("effacer mes données", mentionBot: true)));

        Assert.Equal(Text("fr-FR", "eraseQuestion"), replies.SingleCard().AllText().Split('\n')[0]);
    }

    private static (string Conversation, string User) Keys(BotTestClient client)
    {
        var activity = client.MakeActivity();
        return ($"{client.ChannelId}/conversations/{client.ConversationId}", $"{client.ChannelId}/users/{activity.From.Id}");
    }

    private sealed class RecordingEraser(List<string> erased) : IConversationDataEraser
    {
        public Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            erased.Add(turnContext.Activity.Conversation.Id);
            return Task.CompletedTask;
        }
    }
}
