using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Storage;

namespace ShopAdsBot.Tests.Storage;

/// <summary>
/// The one IStorage contract, run against every provider (Memory, Sqlite, Blobs below): reads, writes, deletes, keys
/// with any character, and ETags as the Bot Framework defines them (a stored ETag must match, "*" or none overwrites,
/// a conflict raises), plus what BotState needs: a state is written back only over the version it was read from, and
/// the first write of a key is create-only, so two first turns of one conversation cannot both win.
/// </summary>
public abstract class StorageContractTests
{
    /// <summary>A new empty store; each call of the function opens one more instance over it (another server, or after a restart).</summary>
    protected abstract Func<IStorage> NewStore();

    public sealed class Note : IStoreItem
    {
        public string Text { get; set; } = "";

        public int Count { get; set; }

        public string? ETag { get; set; }
    }

    private static Dictionary<string, object> Changes(string key, object value) => new() { [key] = value };

    [Fact]
    public async Task ReadingMissingKeysReturnsOnlyThoseThatExist()
    {
        var storage = NewStore()();
        Assert.Empty(await storage.ReadAsync(["emulator/conversations/none"]));

        await storage.WriteAsync(Changes("present", new Note { Text = "here" }));

        Assert.Equal(["present"], (await storage.ReadAsync(["absent", "present", "also-absent"])).Keys);
    }

    [Fact]
    public async Task WhatIsWrittenIsReadBackWithItsTypesByAnotherInstance()
    {
        var open = NewStore();
        var state = new Dictionary<string, object>
        {
            ["DialogState"] = new JObject { ["stack"] = new JArray(new JObject { ["id"] = "MainDialog" }) },
            ["count"] = 3L,
            ["note"] = new Note { Text = "é漢🙂", Count = 7 },
        };

        await open().WriteAsync(new Dictionary<string, object> { ["k1"] = state, ["k2"] = new Note { Text = "two" } });
        var read = await open().ReadAsync(["k1", "k2", "k3"]);

        Assert.Equal(["k1", "k2"], read.Keys.Order());
        var dictionary = Assert.IsType<Dictionary<string, object>>(read["k1"]);
        Assert.Equal("MainDialog", (string?)((JObject)dictionary["DialogState"])["stack"]![0]!["id"]);
        Assert.Equal(3L, dictionary["count"]);
        var note = Assert.IsType<Note>(dictionary["note"]);
        Assert.Equal(("é漢🙂", 7), (note.Text, note.Count));
        var second = Assert.IsType<Note>(read["k2"]);
        Assert.Equal("two", second.Text);
        Assert.False(string.IsNullOrEmpty(second.ETag)); // the stored ETag, for the next conditional write
    }

    [Fact]
    public async Task DeleteRemovesTheKeyAndIgnoresMissingOnes()
    {
        var open = NewStore();
        var storage = open();
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "a" }, ["b"] = new Note { Text = "b" } });

        await storage.DeleteAsync(["a", "never-written"]);

        Assert.Equal(["b"], (await open().ReadAsync(["a", "b"])).Keys);
    }

    public static TheoryData<string> OddKeys() => new()
    {
        // Teams: channel "msteams", conversation ids with ':', ';', '@', and '|' in some tenants' ids.
        "msteams/conversations/a:1Hx9-Ab|19:meeting_Zm9v@thread.v2;messageid=1700000000000",
        "emulator/conversations/3f2b8c1e-7a4d 4e9b|livechat",
        "webchat/users/dl_Vendeur éàç 漢字 🙂",
        "directline/conversations/a/b/../c",
        "test/conversations/ends with dots..",
        "test/conversations/percent %2F and ?#&=+ ' \" ; --",
        "test/conversations/" + new string('x', 1500),
        "test/conversations/" + string.Concat(Enumerable.Repeat("é", 600)),
    };

    [Theory]
    [MemberData(nameof(OddKeys))]
    public async Task KeysWithAnyCharacterRoundTrip(string key)
    {
        var open = NewStore();
        await open().WriteAsync(Changes(key, new Note { Text = key }));

        var read = await open().ReadAsync([key]);

        Assert.Equal(key, Assert.IsType<Note>(read[key]).Text);
    }

    [Fact]
    public async Task KeysThatLookAlikeStayApart()
    {
        var open = NewStore();
        string[] keys = ["a/b", "a%2Fb", "A/b", "a/b.", "a/b%2E", "a/b ", "test/conversations/" + new string('x', 1500), "test/conversations/" + new string('x', 1499) + "y"];
        await open().WriteAsync(keys.ToDictionary(k => k, k => (object)new Note { Text = k }));

        var read = await open().ReadAsync(keys);

        Assert.Equal(keys.Length, read.Count);
        Assert.All(keys, k => Assert.Equal(k, ((Note)read[k]).Text));
    }

    [Fact]
    public async Task AStoreItemWithAStaleETagIsRefusedWhileStarOrNoETagOverwrites()
    {
        var storage = NewStore()();
        await storage.WriteAsync(Changes("k", new Note { Text = "v1" }));
        var v1 = (Note)(await storage.ReadAsync(["k"]))["k"];
        var alsoV1 = (Note)(await storage.ReadAsync(["k"]))["k"];

        v1.Text = "v2";
        await storage.WriteAsync(Changes("k", v1)); // its ETag is current: accepted
        alsoV1.Text = "lost update";
        var conflict = await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(Changes("k", alsoV1)));

        Assert.Equal("k", conflict.Key);
        Assert.Equal("v2", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);

        await storage.WriteAsync(Changes("k", new Note { Text = "star", ETag = "*" }));
        Assert.Equal("star", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);
        await storage.WriteAsync(Changes("k", new Note { Text = "none" }));
        Assert.Equal("none", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);
    }

    [Fact]
    public async Task AStoreItemWithAnETagForADeletedKeyIsRefused()
    {
        var storage = NewStore()();
        await storage.WriteAsync(Changes("k", new Note { Text = "v1" }));
        var v1 = (Note)(await storage.ReadAsync(["k"]))["k"];
        await storage.DeleteAsync(["k"]);

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(Changes("k", v1)));
        Assert.Empty(await storage.ReadAsync(["k"]));
    }

    [Fact]
    public async Task BotStateDictionariesAreWrittenBackOnlyOverTheVersionTheyWereReadFrom()
    {
        // BotState keeps a plain dictionary (no ETag): two turns of one conversation each read their own copy.
        var open = NewStore();
        var instanceA = open();
        var instanceB = open(); // another server of a scaled-out app
        await instanceA.WriteAsync(Changes("conv", new Dictionary<string, object> { ["n"] = 0L }));
        var turn1 = (IDictionary<string, object>)(await instanceA.ReadAsync(["conv"]))["conv"];
        var turn2 = (IDictionary<string, object>)(await instanceA.ReadAsync(["conv"]))["conv"];
        var turn3 = (IDictionary<string, object>)(await instanceB.ReadAsync(["conv"]))["conv"];

        turn1["n"] = 1L;
        await instanceA.WriteAsync(Changes("conv", turn1));
        turn1["n"] = 11L; // a second save in the same turn expects the version it just wrote
        await instanceA.WriteAsync(Changes("conv", turn1));
        turn2["n"] = 2L;
        await Assert.ThrowsAsync<StorageConflictException>(() => instanceA.WriteAsync(Changes("conv", turn2)));
        turn3["n"] = 3L;
        await Assert.ThrowsAsync<StorageConflictException>(() => instanceB.WriteAsync(Changes("conv", turn3)));

        Assert.Equal(11L, ((IDictionary<string, object>)(await open().ReadAsync(["conv"]))["conv"])["n"]);
    }

    [Fact]
    public async Task TheFirstWriteOfAKeyIsCreateOnly()
    {
        // Two turns found no state and each made a new one: the first to save creates the key, the other is refused.
        var open = NewStore();
        var first = new Dictionary<string, object> { ["n"] = 1L };
        var second = new Dictionary<string, object> { ["n"] = 2L };

        await open().WriteAsync(Changes("conv", first));
        await Assert.ThrowsAsync<StorageConflictException>(() => open().WriteAsync(Changes("conv", second)));
        Assert.Equal(1L, ((IDictionary<string, object>)(await open().ReadAsync(["conv"]))["conv"])["n"]);

        // Once the key is deleted, a new state creates it again.
        await open().DeleteAsync(["conv"]);
        await open().WriteAsync(Changes("conv", second));
        Assert.Equal(2L, ((IDictionary<string, object>)(await open().ReadAsync(["conv"]))["conv"])["n"]);
    }

    [Fact]
    public async Task OfTwoFirstTurnsOfAConversationThroughConversationStateOnlyOneIsSaved()
    {
        var open = NewStore();
        var stateA = new ConversationState(open());
        var stateB = new ConversationState(open());
        var adapter = new TestAdapter("test");
        static Microsoft.Bot.Schema.Activity Message(string text) => new()
        {
            Type = Microsoft.Bot.Schema.ActivityTypes.Message,
            Text = text,
            ChannelId = "test",
            Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: "first-turns"),
            From = new Microsoft.Bot.Schema.ChannelAccount("user"),
            Recipient = new Microsoft.Bot.Schema.ChannelAccount("bot"),
        };
        var turnA = new TurnContext(adapter, Message("a"));
        var turnB = new TurnContext(adapter, Message("b"));
        var countA = stateA.CreateProperty<string>("said");
        var countB = stateB.CreateProperty<string>("said");

        Assert.Equal("none", await countA.GetAsync(turnA, () => "none"));
        Assert.Equal("none", await countB.GetAsync(turnB, () => "none"));
        await countA.SetAsync(turnA, "a");
        await countB.SetAsync(turnB, "b");
        await stateA.SaveChangesAsync(turnA);
        await Assert.ThrowsAsync<StorageConflictException>(() => stateB.SaveChangesAsync(turnB));

        var reader = new ConversationState(open());
        var turnC = new TurnContext(adapter, Message("c"));
        Assert.Equal("a", await reader.CreateProperty<string>("said").GetAsync(turnC, () => "none"));
    }

    [Fact]
    public async Task OfManyConcurrentFirstWritesOfAKeyExactlyOneWins()
    {
        var open = NewStore();
        var instances = Enumerable.Range(0, 4).Select(_ => open()).ToArray();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            await Task.Yield();
            try
            {
                await instances[i % instances.Length].WriteAsync(Changes("race", new Dictionary<string, object> { ["writer"] = (long)i }));
                return (Writer: i, Won: true);
            }
            catch (StorageConflictException)
            {
                return (Writer: i, Won: false);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Won);
        Assert.Equal((long)winner.Writer, ((IDictionary<string, object>)(await open().ReadAsync(["race"]))["race"])["writer"]);
    }
}

public sealed class MemoryStorageContractTests : StorageContractTests
{
    protected override Func<IStorage> NewStore() => TestStores.Memory();
}

public sealed class SqliteStorageContractTests : StorageContractTests, IDisposable
{
    private readonly SqliteStores stores = new("sqlite-contract-");

    protected override Func<IStorage> NewStore() => stores.NewStore();

    public void Dispose() => stores.Dispose();
}

public sealed class BlobsStorageContractTests(AzuriteFixture azurite) : StorageContractTests, IClassFixture<AzuriteFixture>
{
    protected override Func<IStorage> NewStore() => TestStores.Blobs(azurite);
}
