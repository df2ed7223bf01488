using System.Text.RegularExpressions;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Bot.Builder;

namespace ShopAdsBot.Hosting;

/// <summary>
/// Chooses the IStorage behind ConversationState from the "Storage" settings:
/// Memory (local, the default) or Blobs (Azure Blob Storage, by connection string or by the bot's managed identity).
/// Settings are checked here, at start-up, so a mistake stops the app with a clear message instead of failing every turn.
/// </summary>
public static partial class BotStorage
{
    public const string DefaultContainer = "conversation-state";

    public static IStorage Create(IConfiguration configuration)
    {
        var storage = configuration.GetSection("Storage");
        var kind = storage["Kind"] is { Length: > 0 } configuredKind ? configuredKind : "Memory";
        if (kind.Equals("Memory", StringComparison.OrdinalIgnoreCase))
        {
            return new MemoryStorage();
        }
        if (!kind.Equals("Blobs", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Kind '{kind}' is not supported. Use 'Memory' or 'Blobs'.");
        }

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
                return new BlobsStorage(new BlobContainerClient(connectionString, containerName));
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
        return new BlobsStorage(new BlobServiceClient(serviceUri, credential).GetBlobContainerClient(containerName));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerName();
}
