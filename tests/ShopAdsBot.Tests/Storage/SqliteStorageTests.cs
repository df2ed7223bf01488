using Microsoft.Data.Sqlite;
using ShopAdsBot.Storage;

namespace ShopAdsBot.Tests.Storage;

/// <summary>SqliteStorage's own part: the file, its folder, WAL, and one row per key with its ETag.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("sqlite-storage-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task TheFileAndItsFoldersAreCreatedInWalModeWithOneRowPerKeyAndItsETag()
    {
        var path = Path.Combine(folder.FullName, "data", "nested", "conversation-state.db");
        var storage = new SqliteStorage(path);
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["emulator/conversations/a"] = new Dictionary<string, object> { ["n"] = 1L },
            ["emulator/users/u"] = new StorageContractTests.Note { Text = "u" },
        });
        var note = (StorageContractTests.Note)(await storage.ReadAsync(["emulator/users/u"]))["emulator/users/u"];

        Assert.True(File.Exists(path));
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(2L, Scalar(connection, "SELECT COUNT(*) FROM state"));
        Assert.Equal(note.ETag, Scalar(connection, "SELECT etag FROM state WHERE key = 'emulator/users/u'"));
        Assert.Contains("\"Text\":\"u\"", (string)Scalar(connection, "SELECT document FROM state WHERE key = 'emulator/users/u'")!);
    }

    [Fact]
    public async Task EveryWriteGetsANewETag()
    {
        var storage = new SqliteStorage(Path.Combine(folder.FullName, "state.db"));
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new StorageContractTests.Note { Text = "1" } });
        var first = (StorageContractTests.Note)(await storage.ReadAsync(["k"]))["k"];
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        var second = (StorageContractTests.Note)(await storage.ReadAsync(["k"]))["k"];

        Assert.NotEqual(first.ETag, second.ETag);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
