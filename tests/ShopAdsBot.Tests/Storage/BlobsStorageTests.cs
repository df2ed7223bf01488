using Azure;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Hosting;

namespace ShopAdsBot.Tests.Storage;

/// <summary>BlobsStorage against a real Azurite: reads, writes, deletes, blob names and ETags, as the SDK's storages behave.</summary>
public class BlobsStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public sealed class Note : IStoreItem
    {
        public string Text { get; set; } = "";

        public int Count { get; set; }

        public string? ETag { get; set; }
    }

    [Fact]
    public async Task ReadingAMissingKeyReturnsNothing()
    {
        var storage = new BlobsStorage(azurite.NewContainer());

        var items = await storage.ReadAsync(["emulator/conversations/none"]);

        Assert.Empty(items);
    }

    [Fact]
    public async Task WhatIsWrittenIsReadBackWithItsTypesByAnotherInstance()
    {
        var container = azurite.NewContainer();
        var state = new Dictionary<string, object>
        {
            ["DialogState"] = new JObject { ["stack"] = new JArray(new JObject { ["id"] = "MainDialog" }) },
            ["count"] = 3L,
            ["note"] = new Note { Text = "é漢🙂", Count = 7 },
        };

        await new BlobsStorage(container).WriteAsync(new Dictionary<string, object> { ["k1"] = state, ["k2"] = new Note { Text = "two" } });
        var read = await new BlobsStorage(container).ReadAsync(["k1", "k2", "k3"]);

        Assert.Equal(["k1", "k2"], read.Keys.Order());
        var dictionary = Assert.IsType<Dictionary<string, object>>(read["k1"]);
        Assert.Equal("MainDialog", (string?)((JObject)dictionary["DialogState"])["stack"]![0]!["id"]);
        Assert.Equal(3L, dictionary["count"]);
        var note = Assert.IsType<Note>(dictionary["note"]);
        Assert.Equal(("é漢🙂", 7), (note.Text, note.Count));
        var second = Assert.IsType<Note>(read["k2"]);
        Assert.Equal("two", second.Text);
        Assert.False(string.IsNullOrEmpty(second.ETag)); // the blob's ETag, for the next conditional write
    }

    [Fact]
    public async Task DeleteRemovesTheKeyAndIgnoresMissingOnes()
    {
        var container = azurite.NewContainer();
        var storage = new BlobsStorage(container);
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "a" }, ["b"] = new Note { Text = "b" } });

        await storage.DeleteAsync(["a", "never-written"]);

        var read = await storage.ReadAsync(["a", "b"]);
        Assert.Equal(["b"], read.Keys);
        Assert.Equal(["b"], await BlobNamesAsync(container));
    }

    public static TheoryData<string> OddKeys() => new()
    {
        // Teams: channel "msteams", conversation ids with ':', ';', '@', and '|' in some tenants' ids.
        "msteams/conversations/a:1Hx9-Ab|19:meeting_Zm9v@thread.v2;messageid=1700000000000",
        "emulator/conversations/3f2b8c1e-7a4d 4e9b|livechat",
        "webchat/users/dl_Vendeur éàç 漢字 🙂",
        "directline/conversations/a/b/../c",
        "test/conversations/ends with dots..",
        "test/conversations/percent %2F and ?#&=+",
        "test/conversations/" + new string('x', 1500),
        "test/conversations/" + string.Concat(Enumerable.Repeat("é", 600)),
    };

    [Theory]
    [MemberData(nameof(OddKeys))]
    public async Task KeysWithAnyCharacterMapToOneValidBlobAndRoundTrip(string key)
    {
        var container = azurite.NewContainer();
        await new BlobsStorage(container).WriteAsync(new Dictionary<string, object> { [key] = new Note { Text = key } });

        var read = await new BlobsStorage(container).ReadAsync([key]);

        Assert.Equal(key, Assert.IsType<Note>(read[key]).Text);
        var name = Assert.Single(await BlobNamesAsync(container));
        Assert.Equal(BlobsStorage.BlobName(key), name);
        Assert.True(name.Length <= 1024, $"{name.Length} characters");
        Assert.DoesNotContain('/', name);
        Assert.DoesNotContain('\\', name);
        Assert.False(name.EndsWith('.'), name);
    }

    [Fact]
    public async Task KeysThatLookAlikeStayApart()
    {
        var container = azurite.NewContainer();
        string[] keys = ["a/b", "a%2Fb", "A/b", "a/b.", "a/b%2E", "test/conversations/" + new string('x', 1500), "test/conversations/" + new string('x', 1499) + "y"];
        var storage = new BlobsStorage(container);
        await storage.WriteAsync(keys.ToDictionary(k => k, k => (object)new Note { Text = k }));

        var read = await new BlobsStorage(container).ReadAsync(keys);

        Assert.All(keys, k => Assert.Equal(k, ((Note)read[k]).Text));
        Assert.Equal(keys.Length, (await BlobNamesAsync(container)).Count);
    }

    [Fact]
    public async Task AStoreItemWithAStaleETagIsRefusedWhileStarOrNoETagOverwrites()
    {
        var storage = new BlobsStorage(azurite.NewContainer());
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var v1 = (Note)(await storage.ReadAsync(["k"]))["k"];
        var alsoV1 = (Note)(await storage.ReadAsync(["k"]))["k"];

        v1.Text = "v2";
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = v1 }); // its ETag is current: accepted
        alsoV1.Text = "lost update";
        var conflict = await Assert.ThrowsAsync<StorageConflictException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["k"] = alsoV1 }));

        Assert.Equal("k", conflict.Key);
        Assert.Equal(412, Assert.IsType<RequestFailedException>(conflict.InnerException).Status);
        Assert.Equal("v2", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "star", ETag = "*" } });
        Assert.Equal("star", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "none" } });
        Assert.Equal("none", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);
    }

    [Fact]
    public async Task BotStateDictionariesAreWrittenBackOnlyOverTheVersionTheyWereReadFrom()
    {
        // BotState keeps a plain dictionary (no ETag): two turns of one conversation each read their own copy.
        var container = azurite.NewContainer();
        await new BlobsStorage(container).WriteAsync(new Dictionary<string, object> { ["conv"] = new Dictionary<string, object> { ["n"] = 0L } });
        var instanceA = new BlobsStorage(container);
        var instanceB = new BlobsStorage(container); // another server of a scaled-out app
        var turn1 = (IDictionary<string, object>)(await instanceA.ReadAsync(["conv"]))["conv"];
        var turn2 = (IDictionary<string, object>)(await instanceA.ReadAsync(["conv"]))["conv"];
        var turn3 = (IDictionary<string, object>)(await instanceB.ReadAsync(["conv"]))["conv"];

        turn1["n"] = 1L;
        await instanceA.WriteAsync(new Dictionary<string, object> { ["conv"] = turn1 });
        turn1["n"] = 11L; // a second save in the same turn expects the version it just wrote
        await instanceA.WriteAsync(new Dictionary<string, object> { ["conv"] = turn1 });
        turn2["n"] = 2L;
        await Assert.ThrowsAsync<StorageConflictException>(() => instanceA.WriteAsync(new Dictionary<string, object> { ["conv"] = turn2 }));
        turn3["n"] = 3L;
        await Assert.ThrowsAsync<StorageConflictException>(() => instanceB.WriteAsync(new Dictionary<string, object> { ["conv"] = turn3 }));

        var stored = (IDictionary<string, object>)(await new BlobsStorage(container).ReadAsync(["conv"]))["conv"];
        Assert.Equal(11L, stored["n"]);

        // A new object (not read from storage) has no version to respect: it overwrites, as with MemoryStorage.
        await instanceB.WriteAsync(new Dictionary<string, object> { ["conv"] = new Dictionary<string, object> { ["n"] = 4L } });
        Assert.Equal(4L, ((IDictionary<string, object>)(await instanceA.ReadAsync(["conv"]))["conv"])["n"]);
    }

    private static async Task<List<string>> BlobNamesAsync(Azure.Storage.Blobs.BlobContainerClient container)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }
        return names;
    }
}
