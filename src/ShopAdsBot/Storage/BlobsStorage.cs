using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ShopAdsBot.Storage;

/// <summary>
/// Storage:Kind = Blobs: one JSON blob per state key in an Azure Blob Storage container, with the blob's ETag
/// (conditions sent as If-Match / If-None-Match). Microsoft.Bot.Builder.Azure.Blobs is not served by our package
/// source, so this is a small equivalent; the ETag rules are <see cref="VersionedStorage"/>'s.
/// </summary>
public sealed class BlobsStorage(BlobContainerClient container) : VersionedStorage
{
    /// <summary>Azure's limit on a blob name's length.</summary>
    public const int MaxBlobNameLength = 1024;

    private int containerReady;

    public BlobContainerClient Container => container;

    protected override async Task<(string Json, string ETag)?> ReadDocumentAsync(string key, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var download = await container.GetBlobClient(BlobName(key)).DownloadContentAsync(cancellationToken);
            return (download.Value.Content.ToString(), download.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null; // No state yet for this key.
        }
    }

    protected override async Task<string?> WriteDocumentAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var options = new BlobUploadOptions
        {
            Conditions = condition switch
            {
                { CreateOnly: true } => new BlobRequestConditions { IfNoneMatch = ETag.All },
                { IfMatch: { } etag } => new BlobRequestConditions { IfMatch = new ETag(etag) },
                _ => null,
            },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
        };
        try
        {
            var uploaded = await container.GetBlobClient(BlobName(key)).UploadAsync(BinaryData.FromString(json), options, cancellationToken);
            return uploaded.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 409)
        {
            return null; // Changed since read (412), or created by another turn (409 BlobAlreadyExists).
        }
    }

    protected override async Task DeleteDocumentAsync(string key, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        await container.GetBlobClient(BlobName(key)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
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

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref containerReady) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Volatile.Write(ref containerReady, 1);
        }
    }
}
