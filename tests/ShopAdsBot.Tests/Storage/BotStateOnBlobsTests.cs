using Azure.Storage.Blobs;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using ShopAdsBot.Content;
using ShopAdsBot.Storage;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Storage;

/// <summary>The real bot keeping its ConversationState (dialog stack included) in Azurite, across a restart.</summary>
public class BotStateOnBlobsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>A fresh app (new service provider, new BlobsStorage) over the given container, as after a restart or on another server.</summary>
    private static IServiceProvider AppOver(BlobContainerClient container) =>
        BotTestClient.BuildServices(services => services.AddSingleton<IStorage>(new BlobsStorage(container)));

    [Fact]
    public async Task AConversationGoesOnAfterARestartWhereItWas()
    {
        var container = azurite.NewContainer();
        var before = new BotTestClient(services: AppOver(container));
        var content = before.Content;
        var flow = content.Flows.Values.First(f => f.StartNode.IsQuestion && f.StartNode.Choices.Any(c => content.Flow(f.Id).Node(c.Next).IsQuestion));
        var choice = flow.StartNode.Choices.First(c => flow.Node(c.Next).IsQuestion);
        var menu = (await before.SendTextAsync("menu")).LastCard();
        var question = (await before.ClickAsync(menu.Button(flow.Id))).LastCard();

        // Restart: a new app over the same container continues the same conversation, then another one after it.
        var after = new BotTestClient(services: AppOver(container), conversationId: before.ConversationId);
        var replies = await after.ClickAsync(question.Button(choice.Id, flow.Start));
        var next = flow.Node(choice.Next);
        AssertAt(flow.Id, next.Id, replies, content);
        var again = new BotTestClient(services: AppOver(container), conversationId: before.ConversationId);
        var nextChoice = next.Choices[0];
        AssertAt(flow.Id, nextChoice.Next, await again.ClickAsync(replies.LastCard().Button(nextChoice.Id, next.Id)), content);

        // The state is in the container, under the conversation's key, with the dialog stack.
        var blob = container.GetBlobClient(BlobsStorage.BlobName($"test/conversations/{before.ConversationId}"));
        var json = (await blob.DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("\"DialogState\"", json);
        Assert.Contains(flow.Id, json);

        // Control: the same click over an empty container is a click on an old card, which the bot says.
        var amnesic = new BotTestClient(services: AppOver(azurite.NewContainer()), conversationId: before.ConversationId);
        var lost = await amnesic.ClickAsync(question.Button(choice.Id, flow.Start));
        Assert.Contains(content.Menu.Text("staleClick", "fr"), lost.AllText());
    }

    private static void AssertAt(string flowId, string nodeId, IReadOnlyList<Microsoft.Bot.Schema.Activity> replies, ContentCatalog content)
    {
        Assert.DoesNotContain(content.Menu.Text("staleClick", "fr"), replies.AllText());
        var stamped = replies.LastCard().SubmitActions().Select(a => a["data"]).Where(d => d?["flow"] != null).ToList();
        Assert.NotEmpty(stamped);
        Assert.All(stamped, d => Assert.Equal((flowId, nodeId), ((string?)d!["flow"], (string?)d["node"])));
    }
}
