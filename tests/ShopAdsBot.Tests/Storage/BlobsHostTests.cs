using Azure.Storage.Blobs;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Middleware;
using ShopAdsBot.Storage;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Support.HostConversation;

namespace ShopAdsBot.Tests.Storage;

/// <summary>
/// The real host started with Storage:Kind=Blobs (Azurite's connection string), answering over HTTP as a channel
/// reaches it: state lands in the container, and turns of one conversation racing each other, on one instance or on
/// two, are each kept and answered once (StateFirstMiddleware), never refused with a 5xx nor answered twice.
/// </summary>
public class BlobsHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>The host with the Storage settings only; the barrier, when given, holds its conversation reads.</summary>
    private BotHost HostOver(BlobContainerClient container, ReadBarrier? barrier = null, Action<IServiceCollection>? services = null) => new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "Blobs",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Container"] = container.Name,
        },
        TestServices = s =>
        {
            if (barrier != null)
            {
                s.AddSingleton(sp => barrier.Around(BotStorage.Create(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), "")));
            }
            services?.Invoke(s);
        },
    };

    [Fact]
    public async Task TheHostKeepsTheConversationInTheContainer()
    {
        var container = azurite.NewContainer();
        await using var host = HostOver(container);
        var conversationId = "a:1Hx9|19:abc@thread.tacv2;messageid=17";

        var conversation = new HostConversation(host, conversationId);
        var menu = LastCard(await conversation.SayAsync("menu"));
        var question = LastCard(await conversation.ClickAsync(Button(menu, "connect-shop")));

        Assert.Equal("connect-shop", (string?)question.SelectTokens("$..data.flow").FirstOrDefault());
        Assert.IsType<BlobsStorage>(host.Services.GetRequiredService<IStorage>());
        Assert.Contains("connect-shop", await StoredStateAsync(container, conversationId));
    }

    [Fact]
    public async Task TwoConcurrentTurnsOfOneConversationAreBothKeptAndEachAnsweredOnce()
    {
        var container = azurite.NewContainer();
        var barrier = new ReadBarrier();
        await using var host = HostOver(container, barrier);
        const string conversationId = "concurrent-1";
        var conversation = new HostConversation(host, conversationId);
        var menu = LastCard(await conversation.SayAsync("menu"));
        await conversation.ClickAsync(Button(menu, "connect-shop"));

        // Both turns read the conversation before either saves (as when a seller double-clicks, or two servers answer):
        // the second to save conflicts, runs again on the state the first saved, and both answers go out once.
        barrier.Arm(parties: 2);
        var turns = await Task.WhenAll(
            conversation.ClickAsync(Button(menu, "create-ad")),
            conversation.ClickAsync(Button(menu, "ad-rejected")));

        Assert.True(barrier.Met, "both turns read the state before saving");
        Assert.All(turns, t => Assert.DoesNotContain(Strings.Text("conflictMessage", "fr"), TextOf(t)));
        Assert.Equal(["create-ad", "ad-rejected"], turns.Select(t => (string?)LastCard(t).SelectTokens("$..data.flow").First()));
        Assert.All(turns, t => Assert.Single(t, r => (string?)r["type"] == "message"));

        // The state is the one of the turn that saved last; the conversation goes on from there.
        // (the stored state also keeps the turns' replies, for redeliveries: only the dialog state says where it is)
        var state = JObject.Parse(await StoredStateAsync(container, conversationId))["DialogState"]!.ToString();
        var last = state.Contains("ad-rejected") ? "ad-rejected" : "create-ad";
        Assert.DoesNotContain(last == "create-ad" ? "ad-rejected" : "create-ad", state);
        var after = await conversation.ClickAsync(Button(menu, "underperforming"));
        Assert.Equal("underperforming", (string?)LastCard(after).SelectTokens("$..data.flow").First());
    }

    [Fact]
    public async Task TwoInstancesOnOneContainerLoseNoTurnAndAnswerEachOnce()
    {
        // A stand-in bot that counts the turns of its conversation in ConversationState and says the count: a lost
        // update would repeat a count, a reply sent twice would show one twice, a refused turn would say the conflict.
        var container = azurite.NewContainer();
        var barrier = new ReadBarrier();
        void Counting(IServiceCollection s) => s.AddTransient<IBot, CountingBot>();
        await using var instanceA = HostOver(container, barrier, Counting);
        await using var instanceB = HostOver(container, barrier, Counting);
        const int turns = 4; // at most turns - 1 conflicts each: within StateFirstMiddleware.MaxAttempts
        Assert.True(turns <= StateFirstMiddleware.MaxAttempts);

        barrier.Arm(parties: turns);
        var responses = await Task.WhenAll(Enumerable.Range(0, turns).Select(i =>
            (i % 2 == 0 ? instanceA : instanceB).PostActivityAsync(ExpectReplies(ActivityJson.Message($"turn {i}", conversationId: "two-instances")))));

        Assert.True(barrier.Met, "every turn read the same state before any saved");
        Assert.All(responses, r => Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode));
        var said = new List<string>();
        foreach (var response in responses)
        {
            var replies = (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
            said.Add((string)Assert.Single(replies)["text"]!);
        }
        Assert.Equal(Enumerable.Range(1, turns).Select(n => $"count={n}"), said.Order());
        Assert.Contains($"\"count\":{turns}", await StoredStateAsync(container, "two-instances"));
    }

    private sealed class CountingBot(ConversationState conversationState) : IBot
    {
        private readonly IStatePropertyAccessor<long> count = conversationState.CreateProperty<long>("count");

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var n = await count.GetAsync(turnContext, () => 0L, cancellationToken) + 1;
            await count.SetAsync(turnContext, n, cancellationToken);
            await turnContext.SendActivityAsync($"count={n}", cancellationToken: cancellationToken);
            // No save here: StateFirstMiddleware saves once the whole turn has run, then sends the reply.
        }
    }

    private static readonly global::ShopAdsBot.Content.MenuDefinition Strings = global::ShopAdsBot.Content.ContentCatalog.Load(global::ShopAdsBot.Content.ContentCatalog.LocateRoot()).Menu;

    private static async Task<string> StoredStateAsync(BlobContainerClient container, string conversationId) =>
        (await container.GetBlobClient(BlobsStorage.BlobName($"emulator/conversations/{conversationId}")).DownloadContentAsync()).Value.Content.ToString();

    private static JObject ExpectReplies(JObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    private static string TextOf(JArray replies) => string.Join("\n", replies.Select(r => (string?)r["text"] ?? ""));
}
