namespace ShopAdsBot.Storage;

/// <summary>
/// Storage:Kind = Memory: state in this process only, lost when it stops (tests, throw-away local runs). Unlike the
/// SDK's MemoryStorage it keeps the same ETag rules as the durable providers, so what a test proves over it holds there.
/// </summary>
public sealed class VersionedMemoryStorage : VersionedStorage
{
    private readonly Dictionary<string, (string Json, string ETag)> documents = new(StringComparer.Ordinal);
    private long version;

    protected override Task<(string Json, string ETag)?> ReadDocumentAsync(string key, CancellationToken cancellationToken)
    {
        lock (documents)
        {
            return Task.FromResult(documents.TryGetValue(key, out var document) ? document : ((string, string)?)null);
        }
    }

    protected override Task<string?> WriteDocumentAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken)
    {
        lock (documents)
        {
            var exists = documents.TryGetValue(key, out var current);
            if ((condition.CreateOnly && exists) || (condition.IfMatch is { } etag && (!exists || current.ETag != etag)))
            {
                return Task.FromResult<string?>(null);
            }

            var written = (++version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            documents[key] = (json, written);
            return Task.FromResult<string?>(written);
        }
    }

    protected override Task DeleteDocumentAsync(string key, CancellationToken cancellationToken)
    {
        lock (documents)
        {
            documents.Remove(key);
        }
        return Task.CompletedTask;
    }
}
