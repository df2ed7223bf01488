using System.Text.RegularExpressions;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Bot.Builder;

namespace ShopAdsBot.Storage;

/// <summary>
/// Chooses the IStorage behind ConversationState from the "Storage" settings: Sqlite (the default, a
/// local file that survives restarts), Memory (this process only) or Blobs (Azure Blob Storage, by connection string
/// or by the bot's managed identity).
/// Settings are checked here, at start-up, so a mistake stops the app with a clear message instead of failing every turn.
/// </summary>
public static partial class BotStorage
{
    public const string DefaultContainer = "conversation-state";

    /// <summary>Storage:SqlitePath's default, relative to the content root (git-ignored).</summary>
    public const string DefaultSqlitePath = "data/conversation-state.db";

    /// <param name="contentRoot">The folder a relative Storage:SqlitePath is under (the app's content root).</param>
    public static IStorage Create(IConfiguration configuration, string contentRoot)
    {
        var storage = configuration.GetSection("Storage");
        var kind = storage["Kind"] is { Length: > 0 } configuredKind ? configuredKind : "Sqlite";
        if (kind.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return CreateSqlite(storage["SqlitePath"] is { Length: > 0 } path ? path : DefaultSqlitePath, contentRoot);
        }
        if (kind.Equals("Memory", StringComparison.OrdinalIgnoreCase))
        {
            return new VersionedMemoryStorage();
        }
        if (!kind.Equals("Blobs", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Kind '{kind}' is not supported. Use 'Sqlite', 'Memory' or 'Blobs'.");
        }

        return CreateBlobs(storage, configuration);
    }

    /// <summary>
    /// Apart, so that the Azure SDK's assemblies are loaded only by an app that stores in Azure: the JIT loads the
    /// assemblies of every type a method names when it compiles it.
    /// </summary>
    private static IStorage CreateBlobs(IConfigurationSection storage, IConfiguration configuration)
    {
        var containerName = storage["Container"] is { Length: > 0 } name ? name : DefaultContainer;
        if (!ContainerName().IsMatch(containerName) || containerName.Contains("--", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Storage:Container '{containerName}' is not a valid blob container name: 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.");
        }

        if (storage["ConnectionString"] is { Length: > 0 } connectionString)
        {
            try
            {
                return new BlobsStorage(new BlobContainerClient(connectionString, containerName, ChatTurnRetries()));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                // The SDK's message may quote the connection string, which holds the account key: do not repeat it.
                throw new InvalidOperationException("Storage:ConnectionString is not a valid Azure Storage connection string.");
            }
        }
        if (!Uri.TryCreate(storage["BlobServiceUri"], UriKind.Absolute, out var serviceUri) || serviceUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException(
                "Storage:Kind is 'Blobs': set Storage:ConnectionString, or Storage:BlobServiceUri (https://<account>.blob.core.windows.net/, with the bot's managed identity).");
        }
        // In Azure the bot's user-assigned managed identity (MicrosoftAppId) reads and writes the container.
        // Nothing is called here: the identity gets its token on the first read.
        var credential = configuration["MicrosoftAppId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        return new BlobsStorage(new BlobServiceClient(serviceUri, credential, ChatTurnRetries()).GetBlobContainerClient(containerName));
    }

    private static SqliteStorage CreateSqlite(string path, string contentRoot)
    {
        var fullPath = Path.GetFullPath(path, contentRoot);
        try
        {
            return new SqliteStorage(fullPath);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Storage:SqlitePath '{fullPath}' cannot be opened as a SQLite database: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A turn has about 15 seconds before the channel gives up: a few quick retries, then the turn fails as a storage
    /// fault (the seller is told) instead of the SDK's default of retries spread over a minute or more.
    /// </summary>
    private static BlobClientOptions ChatTurnRetries()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        return options;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerName();
}
