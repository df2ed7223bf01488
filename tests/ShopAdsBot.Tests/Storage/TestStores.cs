using Microsoft.Bot.Builder;
using ShopAdsBot.Storage;

namespace ShopAdsBot.Tests.Storage;

/// <summary>
/// The three storage providers as the suites that run on each of them open a store: a new empty store, as a function
/// that opens one more instance over it (another server, or after a restart).
/// </summary>
public static class TestStores
{
    /// <summary>One process: every "instance" is the same store, as for the app's own turns.</summary>
    public static Func<IStorage> Memory()
    {
        var storage = new VersionedMemoryStorage();
        return () => storage;
    }

    /// <summary>A container of its own in Azurite.</summary>
    public static Func<IStorage> Blobs(AzuriteFixture azurite)
    {
        var container = azurite.NewContainer();
        return () => new BlobsStorage(container);
    }
}

/// <summary>A temporary folder of SQLite state files, deleted (pools cleared first) with the test class.</summary>
public sealed class SqliteStores(string prefix) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory(prefix);

    public Func<IStorage> NewStore()
    {
        var path = Path.Combine(folder.FullName, Guid.NewGuid().ToString("N"), "state.db");
        return () => new SqliteStorage(path);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
