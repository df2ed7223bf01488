using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace ShopAdsBot.Hosting;

/// <summary>
/// IStorage over Azure Blob Storage: one blob per state key. Microsoft.Bot.Builder.Azure.Blobs is not served by
/// our package source, so this is a small equivalent. Writes are conditional on the blob's ETag when the state
/// carries one (IStoreItem), so two concurrent turns cannot silently overwrite each other.
/// </summary>
public sealed class BlobsStorage(BlobContainerClient container) : IStorage
{
    // Same settings as the SDK's MemoryStorage, so state round-trips with its types.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        MaxDepth = null,
    });

    private int containerReady;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var items = new Dictionary<string, object>();
        foreach (var key in keys)
        {
            try
            {
                var download = await container.GetBlobClient(BlobName(key)).DownloadContentAsync(cancellationToken);
                using var reader = new JsonTextReader(new StringReader(download.Value.Content.ToString()));
                var item = Serializer.Deserialize(reader);
                if (item is IStoreItem storeItem)
                {
                    storeItem.ETag = download.Value.Details.ETag.ToString();
                }
                if (item != null)
                {
                    items[key] = item;
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // No state yet for this key.
            }
        }
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        foreach (var (key, value) in changes)
        {
            var json = new StringBuilder();
            using (var writer = new StringWriter(json))
            {
                Serializer.Serialize(writer, value);
            }
            var conditions = value is IStoreItem { ETag: { Length: > 0 } etag } && etag != "*"
                ? new BlobRequestConditions { IfMatch = new ETag(etag) }
                : null;
            await container.GetBlobClient(BlobName(key)).UploadAsync(
                BinaryData.FromString(json.ToString()),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        foreach (var key in keys)
        {
            await container.GetBlobClient(BlobName(key)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>State keys hold channel and conversation ids with any character: keep blob names safe.</summary>
    public static string BlobName(string key) => Uri.EscapeDataString(key);

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref containerReady) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Volatile.Write(ref containerReady, 1);
        }
    }
}
