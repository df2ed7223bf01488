using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace ShopAdsBot.Hosting;

/// <summary>
/// IStorage over Azure Blob Storage: one JSON blob per state key. Microsoft.Bot.Builder.Azure.Blobs is not served by
/// our package source, so this is a small equivalent.
/// Writes are optimistic, on the blob's ETag:
/// - an IStoreItem carries its ETag (set at read time); "*" or none overwrites, as in the SDK's storages;
/// - BotState's state is a plain dictionary with no ETag, so the ETag seen when this storage read that very object is
///   remembered beside it and sent as If-Match when the same object is written back. Two concurrent turns of one
///   conversation each read their own object: the second to save gets a <see cref="StorageConflictException"/>
///   instead of silently undoing the first (the adapter's OnTurnError asks the user to send the message again).
/// </summary>
public sealed class BlobsStorage(BlobContainerClient container) : IStorage
{
    /// <summary>Azure's limit on a blob name's length.</summary>
    public const int MaxBlobNameLength = 1024;

    // Same settings as the SDK's MemoryStorage, so state round-trips with its types.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        MaxDepth = null,
    });

    // Objects this storage handed out, with the key and ETag they were read at; weak, so state dies with its turn.
    private readonly ConditionalWeakTable<object, ReadVersion> readVersions = new();

    private int containerReady;

    public BlobContainerClient Container => container;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await EnsureContainerAsync(cancellationToken);
        var items = new Dictionary<string, object>();
        foreach (var key in keys)
        {
            try
            {
                var download = await container.GetBlobClient(BlobName(key)).DownloadContentAsync(cancellationToken);
                using var reader = new JsonTextReader(new StringReader(download.Value.Content.ToString()));
                var item = Serializer.Deserialize(reader);
                if (item is null)
                {
                    continue;
                }

                var etag = download.Value.Details.ETag.ToString();
                if (item is IStoreItem storeItem)
                {
                    storeItem.ETag = etag;
                }
                else
                {
                    readVersions.AddOrUpdate(item, new ReadVersion(key, etag));
                }

                items[key] = item;
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
        ArgumentNullException.ThrowIfNull(changes);
        await EnsureContainerAsync(cancellationToken);
        foreach (var (key, value) in changes)
        {
            var json = new StringBuilder();
            using (var writer = new StringWriter(json))
            {
                Serializer.Serialize(writer, value);
            }

            var expected = ExpectedETag(key, value);
            var options = new BlobUploadOptions
            {
                Conditions = expected is { } etag ? new BlobRequestConditions { IfMatch = new ETag(etag) } : null,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            };
            try
            {
                var uploaded = await container.GetBlobClient(BlobName(key)).UploadAsync(BinaryData.FromString(json.ToString()), options, cancellationToken);
                if (value is not null and not IStoreItem && readVersions.TryGetValue(value, out var read) && read.Key == key)
                {
                    // A second save in the same turn must expect the version this one just wrote.
                    readVersions.AddOrUpdate(value, new ReadVersion(key, uploaded.Value.ETag.ToString()));
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                throw new StorageConflictException(key, ex);
            }
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await EnsureContainerAsync(cancellationToken);
        foreach (var key in keys)
        {
            await container.GetBlobClient(BlobName(key)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// State keys hold channel and conversation ids with any character ("msteams/conversations/a:1|b", spaces, unicode):
    /// percent-encode them so a blob name has no '/' (no virtual folders), no trailing '.', and stays one-to-one with
    /// its key. A name over Azure's 1,024 characters keeps its start (readable) and ends with the key's SHA-256.
    /// </summary>
    public static string BlobName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = Uri.EscapeDataString(key);
        var trailingDots = name.Length - name.TrimEnd('.').Length;
        if (trailingDots > 0)
        {
            name = string.Concat(name.AsSpan(0, name.Length - trailingDots), string.Concat(Enumerable.Repeat("%2E", trailingDots)));
        }

        if (name.Length > MaxBlobNameLength)
        {
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
            name = name[..(MaxBlobNameLength - hash.Length - 1)].TrimEnd('%', '.') + "~" + hash;
        }

        return name;
    }

    /// <summary>The If-Match for a write: the item's own ETag, or the one remembered when this object was read for this key.</summary>
    private string? ExpectedETag(string key, object value)
    {
        if (value is IStoreItem storeItem)
        {
            return storeItem.ETag is { Length: > 0 } etag && etag != "*" ? etag : null;
        }

        return value is not null && readVersions.TryGetValue(value, out var read) && read.Key == key ? read.ETag : null;
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref containerReady) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Volatile.Write(ref containerReady, 1);
        }
    }

    private sealed record ReadVersion(string Key, string ETag);
}
