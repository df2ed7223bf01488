using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopAdsBot.Content;
using ShopAdsBot.Storage;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Storage;

/// <summary>
/// Azurite unreachable in the middle of a conversation (a proxy in front of it is severed; Azurite, killed, would lose
/// the data it had not saved yet): the host still starts, the seller gets an apology and a 200, the error is logged
/// with the conversation id, and once the service is back the conversation continues from the step saved before.
/// </summary>
public class BlobsOutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly ContentCatalog Content = ContentCatalog.Load(ContentCatalog.LocateRoot());

    [Fact]
    public async Task AnOutageIsApologisedForAndTheConversationContinuesWhenTheServiceIsBack()
    {
        var container = azurite.NewContainer();
        await using var proxy = new SeveringProxy(azurite.Port);
        var logs = new LogRecorder();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "Blobs",
            ["Storage:ConnectionString"] = AzuriteFixture.ConnectionStringOn(proxy.Port),
            ["Storage:Container"] = container.Name,
        };
        using var host = new BotHost { Settings = settings, TestServices = s => s.AddSingleton<ILoggerProvider>(logs) };
        var conversation = new HostConversation(host, "outage", "en-US");
        var flow = Content.Flows.Values.First(f => f.StartNode.IsQuestion && f.StartNode.Choices.Any(c => Content.Flow(f.Id).Node(c.Next).IsQuestion));
        var choice = flow.StartNode.Choices.First(c => flow.Node(c.Next).IsQuestion);
        var question = HostConversation.LastCard(await conversation.ClickAsync(HostConversation.Button(HostConversation.LastCard(await conversation.SayAsync("menu")), flow.Id)));

        proxy.Sever();
        try
        {
            // A new instance starts while the storage is down (nothing is called at start-up) and answers politely.
            using var starting = new BotHost { Settings = settings };
            Assert.Equal(System.Net.HttpStatusCode.OK, (await starting.CreateClient().GetAsync("/healthz")).StatusCode);

            var refused = await conversation.ClickAsync(HostConversation.Button(question, choice.Id));

            Assert.Equal(Content.Menu.Text("storageErrorMessage", "en"), (string?)Assert.Single(refused, r => (string?)r["type"] != "trace")["text"]);
            var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Exception is StorageUnavailableException);
            Assert.Equal("outage", logged.State["ConversationId"]);
        }
        finally
        {
            proxy.Restore();
        }

        var next = HostConversation.LastCard(await conversation.ClickAsync(HostConversation.Button(question, choice.Id)));
        Assert.Equal((flow.Id, choice.Next), ((string?)next.SelectTokens("$..data.flow").First(), (string?)next.SelectTokens("$..data.node").First()));
    }
}
