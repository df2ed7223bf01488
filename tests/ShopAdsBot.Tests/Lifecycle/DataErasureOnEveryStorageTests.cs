using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Lifecycle;
using ShopAdsBot.Tests.Storage;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Lifecycle;

/// <summary>
/// « Effacer mes données » on every storage provider (Memory, Sqlite, Blobs on Azurite, below): the conversation state
/// and the user state of that conversation are gone, read back through another instance of the store; another
/// conversation of the same store keeps its state and goes on.
/// </summary>
public abstract class DataErasureOnEveryStorageTests
{
    /// <summary>A new empty store; each call of the function opens one more instance over it (as another server would).</summary>
    protected abstract Func<IStorage> NewStore();

    [Fact]
    public async Task TheErasedConversationAndItsUserStateAreGoneAndAnotherConversationKeepsItsState()
    {
        var open = NewStore();
        var services = BotTestClient.BuildServices(s => s.AddSingleton(open()));
        var erased = new BotTestClient(services: services);
        var kept = new BotTestClient(services: services);
        await erased.OpenBranchAsync("ads-tab-missing");
        var keptQuestion = await kept.OpenBranchAsync("ads-tab-missing");
        var userKey = $"{erased.ChannelId}/users/{erased.MakeActivity().From.Id}";
        await open().WriteAsync(new Dictionary<string, object> { [userKey] = new JObject { ["seen"] = true } });
        Assert.Equal(3, (await open().ReadAsync([ConversationKey(erased), ConversationKey(kept), userKey])).Count);

        var asked = (await erased.SendTextAsync("effacer mes données")).SingleCard();
        var done = await erased.ClickAsync(asked.CommandButton(DataErasureMiddleware.EraseCommand));

        Assert.Equal(Text("fr-FR", "erased"), Assert.Single(done).Text);
        Assert.Equal([ConversationKey(kept)], (await open().ReadAsync([ConversationKey(erased), ConversationKey(kept), userKey])).Keys);
        // The other conversation goes on where it was; the erased one starts afresh.
        AssertNode((await kept.ClickAsync(keptQuestion.Button("us-shop"))).LastCard(), "ads-tab-missing", "us-menu-path", "fr-FR");
        Assert.Contains(Text("fr-FR", "menuTitle"), (await erased.SendTextAsync("menu")).SingleCard().AllText());
    }

    private static string ConversationKey(BotTestClient client) => $"{client.ChannelId}/conversations/{client.ConversationId}";
}

public sealed class DataErasureOnMemoryStorageTests : DataErasureOnEveryStorageTests
{
    protected override Func<IStorage> NewStore() => TestStores.Memory();
}

public sealed class DataErasureOnSqliteStorageTests : DataErasureOnEveryStorageTests, IDisposable
{
    private readonly SqliteStores stores = new("sqlite-erasure-");

    protected override Func<IStorage> NewStore() => stores.NewStore();

    public void Dispose() => stores.Dispose();
}

public sealed class DataErasureOnBlobsStorageTests(AzuriteFixture azurite) : DataErasureOnEveryStorageTests, IClassFixture<AzuriteFixture>
{
    protected override Func<IStorage> NewStore() => TestStores.Blobs(azurite);
}
