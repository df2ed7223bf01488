using System.Net;
using System.Net.Sockets;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using ShopAdsBot.Hosting;

namespace ShopAdsBot.Tests.Storage;

/// <summary>BotStorage.Create: the Storage settings of appsettings.json and of the Azure template, and mistakes in them.</summary>
public class BotStorageTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    [Fact]
    public void MemoryIsTheDefault()
    {
        Assert.IsType<MemoryStorage>(BotStorage.Create(Settings()));
        Assert.IsType<MemoryStorage>(BotStorage.Create(Settings(("Storage:Kind", ""))));
        Assert.IsType<MemoryStorage>(BotStorage.Create(Settings(("Storage:Kind", "memory"))));
    }

    [Fact]
    public void BlobsWithAConnectionStringUseThatAccountAndContainer()
    {
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:10000/{AzuriteFixture.AccountName};";

        var named = Assert.IsType<BlobsStorage>(BotStorage.Create(Settings(("Storage:Kind", "Blobs"), ("Storage:ConnectionString", connectionString), ("Storage:Container", "bot-state"))));
        var defaulted = Assert.IsType<BlobsStorage>(BotStorage.Create(Settings(("Storage:Kind", "blobs"), ("Storage:ConnectionString", connectionString))));

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1/bot-state"), named.Container.Uri);
        Assert.Equal("conversation-state", defaulted.Container.Name);
        Assert.True(named.Container.CanGenerateSasUri); // signed with the account key
    }

    [Fact]
    public async Task BlobsWithAServiceUriUseTheManagedIdentityAndCallNothingAtStartUp()
    {
        // As the Azure template sets it (the service URI ends with '/'), pointed at a local port that records any call.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serviceUri = $"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";

        var storage = Assert.IsType<BlobsStorage>(BotStorage.Create(Settings(
            ("Storage:Kind", "Blobs"), ("Storage:BlobServiceUri", serviceUri), ("Storage:Container", "conversation-state"),
            ("MicrosoftAppId", "8d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"))));
        await Task.Delay(300);

        Assert.Equal(new Uri(serviceUri + "conversation-state"), storage.Container.Uri);
        Assert.False(storage.Container.CanGenerateSasUri); // a token credential (the identity), no account key
        Assert.False(listener.Pending(), "creating the storage must not call the service");
    }

    [Theory]
    [InlineData("Cosmos", null, null, null, "Storage:Kind 'Cosmos' is not supported. Use 'Memory' or 'Blobs'.")]
    [InlineData("Blobs", null, null, null, "set Storage:ConnectionString, or Storage:BlobServiceUri")]
    [InlineData("Blobs", null, "not a uri", null, "set Storage:ConnectionString, or Storage:BlobServiceUri")]
    [InlineData("Blobs", null, "http://account.blob.core.windows.net/", null, "set Storage:ConnectionString, or Storage:BlobServiceUri")]
    [InlineData("Blobs", "AccountName=x;AccountKey=not-base64!;secret-looking", null, null, "Storage:ConnectionString is not a valid Azure Storage connection string.")]
    [InlineData("Blobs", null, "https://account.blob.core.windows.net/", "Conversation_State", "Storage:Container 'Conversation_State' is not a valid blob container name")]
    [InlineData("Blobs", null, "https://account.blob.core.windows.net/", "a--b", "Storage:Container 'a--b' is not a valid blob container name")]
    public void MistakesStopTheStartWithAClearMessage(string kind, string? connectionString, string? serviceUri, string? container, string expected)
    {
        var settings = new List<(string, string)> { ("Storage:Kind", kind) };
        if (connectionString != null) settings.Add(("Storage:ConnectionString", connectionString));
        if (serviceUri != null) settings.Add(("Storage:BlobServiceUri", serviceUri));
        if (container != null) settings.Add(("Storage:Container", container));

        var error = Assert.Throws<InvalidOperationException>(() => BotStorage.Create(Settings([.. settings])));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("not-base64", error.Message); // never echo a connection string (it holds the key)
    }
}
