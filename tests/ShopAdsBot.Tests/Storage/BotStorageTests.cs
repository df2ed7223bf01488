using Microsoft.Extensions.Configuration;
using ShopAdsBot.Storage;

namespace ShopAdsBot.Tests.Storage;

/// <summary>BotStorage.Create: the Storage settings of appsettings.json and of the Azure template, and mistakes in them.</summary>
public class BotStorageTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    private static readonly string ContentRoot = Directory.CreateTempSubdirectory("content-root-").FullName;

    [Fact]
    public void SqliteUnderTheContentRootIsTheDefault()
    {
        var defaulted = Assert.IsType<SqliteStorage>(BotStorage.Create(Settings(), ContentRoot));
        var empty = Assert.IsType<SqliteStorage>(BotStorage.Create(Settings(("Storage:Kind", "")), ContentRoot));

        var expected = Path.Combine(ContentRoot, "data", "conversation-state.db");
        Assert.Equal(expected, defaulted.Path);
        Assert.Equal(expected, empty.Path);
        Assert.True(File.Exists(expected), "the folder and the file are created on first run");
    }

    [Fact]
    public void SqlitePathIsRelativeToTheContentRootOrAbsolute()
    {
        var absolute = Path.Combine(ContentRoot, "elsewhere", "state.db");

        var relative = Assert.IsType<SqliteStorage>(BotStorage.Create(Settings(("Storage:Kind", "sqlite"), ("Storage:SqlitePath", "db/bot.db")), ContentRoot));
        var rooted = Assert.IsType<SqliteStorage>(BotStorage.Create(Settings(("Storage:SqlitePath", absolute)), ContentRoot));

        Assert.Equal(Path.Combine(ContentRoot, "db", "bot.db"), relative.Path);
        Assert.Equal(absolute, rooted.Path);
    }

    [Fact]
    public void MemoryWhenAskedFor()
    {
        Assert.IsType<VersionedMemoryStorage>(BotStorage.Create(Settings(("Storage:Kind", "memory")), ContentRoot));
    }

    [Fact]
    public void BlobsWithAConnectionStringUseThatAccountAndContainer()
    {
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:10000/{AzuriteFixture.AccountName};";

        var named = Assert.IsType<BlobsStorage>(BotStorage.Create(Settings(("Storage:Kind", "Blobs"), ("Storage:ConnectionString", connectionString), ("Storage:Container", "bot-state")), ContentRoot));
        var defaulted = Assert.IsType<BlobsStorage>(BotStorage.Create(Settings(("Storage:Kind", "blobs"), ("Storage:ConnectionString", connectionString)), ContentRoot));

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1/bot-state"), named.Container.Uri);
        Assert.Equal("conversation-state", defaulted.Container.Name);
        Assert.True(named.Container.CanGenerateSasUri); // signed with the account key
    }

    [Fact]
    public void BlobsWithAServiceUriUseTheManagedIdentity()
    {
        // As the Azure template sets it (the service URI ends with '/'). That nothing is called at start-up is shown
        // by BlobsHostTests: the host starts and answers while the storage is unreachable.
        const string serviceUri = "https://account.blob.core.windows.net/";

        var storage = Assert.IsType<BlobsStorage>(BotStorage.Create(Settings(
            ("Storage:Kind", "Blobs"), ("Storage:BlobServiceUri", serviceUri), ("Storage:Container", "conversation-state"),
            ("MicrosoftAppId", "8d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6")), ContentRoot));

        Assert.Equal(new Uri(serviceUri + "conversation-state"), storage.Container.Uri);
        Assert.False(storage.Container.CanGenerateSasUri); // a token credential (the identity), no account key
    }

    [Theory]
    [InlineData("Cosmos", null, null, null, "Storage:Kind 'Cosmos' is not supported. Use 'Sqlite', 'Memory' or 'Blobs'.")]
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

        var error = Assert.Throws<InvalidOperationException>(() => BotStorage.Create(Settings([.. settings]), ContentRoot));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("not-base64", error.Message); // never echo a connection string (it holds the key)
    }

    [Fact]
    public void ASqlitePathThatCannotBeOpenedStopsTheStartWithAClearMessage()
    {
        // A folder where the file should be: SQLite cannot open it.
        var folderInTheWay = Directory.CreateDirectory(Path.Combine(ContentRoot, "taken")).FullName;

        var error = Assert.Throws<InvalidOperationException>(() => BotStorage.Create(Settings(("Storage:SqlitePath", folderInTheWay)), ContentRoot));

        Assert.Contains($"Storage:SqlitePath '{folderInTheWay}' cannot be opened", error.Message);
    }
}
