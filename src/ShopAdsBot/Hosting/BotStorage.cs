using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Bot.Builder;

namespace ShopAdsBot.Hosting;

/// <summary>
/// Chooses the IStorage behind ConversationState and UserState from the "Storage" settings:
/// Memory (local, the default) or Blobs (Azure Blob Storage, by connection string or by the bot's managed identity).
/// </summary>
public static class BotStorage
{
    public static IStorage Create(IConfiguration configuration)
    {
        var storage = configuration.GetSection("Storage");
        var kind = storage["Kind"] ?? "Memory";
        if (kind.Equals("Memory", StringComparison.OrdinalIgnoreCase))
        {
            return new MemoryStorage();
        }
        if (!kind.Equals("Blobs", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Kind '{kind}' is not supported. Use 'Memory' or 'Blobs'.");
        }

        var containerName = storage["Container"] is { Length: > 0 } name ? name : "conversation-state";
        if (storage["ConnectionString"] is { Length: > 0 } connectionString)
        {
            return new BlobsStorage(new BlobContainerClient(connectionString, containerName));
        }
        if (!Uri.TryCreate(storage["BlobServiceUri"], UriKind.Absolute, out var serviceUri))
        {
            throw new InvalidOperationException("Storage:Kind is 'Blobs': set Storage:ConnectionString, or Storage:BlobServiceUri (with the bot's managed identity).");
        }
        // In Azure the bot's user-assigned managed identity (MicrosoftAppId) reads and writes the container.
        var credential = configuration["MicrosoftAppId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        return new BlobsStorage(new BlobServiceClient(serviceUri, credential).GetBlobContainerClient(containerName));
    }
}
