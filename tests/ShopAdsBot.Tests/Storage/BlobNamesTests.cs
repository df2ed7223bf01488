using Azure.Storage.Blobs;
using ShopAdsBot.Storage;

namespace ShopAdsBot.Tests.Storage;

/// <summary>BlobsStorage's own part of the contract: each key is exactly one valid blob name, against a real Azurite.</summary>
public class BlobNamesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [MemberData(nameof(StorageContractTests.OddKeys), MemberType = typeof(StorageContractTests))]
    public async Task EachKeyIsOneValidBlob(string key)
    {
        var container = azurite.NewContainer();
        await new BlobsStorage(container).WriteAsync(new Dictionary<string, object> { [key] = new StorageContractTests.Note { Text = key } });

        var name = Assert.Single(await BlobNamesAsync(container));
        Assert.Equal(BlobsStorage.BlobName(key), name);
        Assert.True(name.Length <= BlobsStorage.MaxBlobNameLength, $"{name.Length} characters");
        Assert.DoesNotContain('/', name);
        Assert.DoesNotContain('\\', name);
        Assert.False(name.EndsWith('.'), name);
    }

    [Fact]
    public async Task DeletingAKeyDeletesItsBlob()
    {
        var container = azurite.NewContainer();
        var storage = new BlobsStorage(container);
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new StorageContractTests.Note(), ["b"] = new StorageContractTests.Note() });

        await storage.DeleteAsync(["a"]);

        Assert.Equal(["b"], await BlobNamesAsync(container));
    }

    private static async Task<List<string>> BlobNamesAsync(BlobContainerClient container)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }
        return names;
    }
}
