using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace ShopAdsBot.Storage;

/// <summary>
/// The IStorage rules shared by the Memory, Sqlite and Blobs providers: one JSON document per key with an ETag, written
/// optimistically so that two turns of one conversation never silently undo each other. A provider only stores text.
/// <list type="bullet">
/// <item>An <see cref="IStoreItem"/> carries its ETag (set when read): a stored ETag must still match; "*" or none
/// overwrites, as in the SDK's storages.</item>
/// <item>BotState saves a plain dictionary without an ETag. The ETag seen when this storage read that very object is
/// remembered beside it and required when the object is written back. An object this storage never read for that
/// key (BotState's new state for a conversation that had none) is written create-only: of two first turns, one wins
/// and the other gets a <see cref="StorageConflictException"/>.</item>
/// <item>Any other failure of the provider (unreachable, locked, read-only) is a <see cref="StorageUnavailableException"/>.</item>
/// </list>
/// </summary>
public abstract class VersionedStorage : IStorage
{
    // Same settings as the SDK's storages, so state round-trips with its .NET types.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        MaxDepth = null,
    });

    // Objects this storage handed out, with the key and ETag they were read at; weak, so state dies with its turn.
    private readonly ConditionalWeakTable<object, ReadVersion> readVersions = new();

    /// <summary>What a write requires of the stored document.</summary>
    protected readonly record struct WriteCondition(bool CreateOnly, string? IfMatch)
    {
        public static WriteCondition Overwrite => default;
    }

    /// <summary>The stored JSON and its ETag, or null when the key has no document.</summary>
    protected abstract Task<(string Json, string ETag)?> ReadDocumentAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes the JSON if the condition holds and returns the new ETag, or null when the condition failed.</summary>
    protected abstract Task<string?> WriteDocumentAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken);

    /// <summary>Deletes the key's document; a missing one is not an error.</summary>
    protected abstract Task DeleteDocumentAsync(string key, CancellationToken cancellationToken);

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>();
        foreach (var key in keys)
        {
            if (await Guard(key, () => ReadDocumentAsync(key, cancellationToken)) is not var (json, etag))
            {
                continue;
            }

            using var reader = new JsonTextReader(new StringReader(json)) { ArrayPool = JsonCharPool.Instance };
            if (Serializer.Deserialize(reader) is not { } item)
            {
                continue;
            }

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
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            var json = JsonCharPool.Serialize(Serializer, value);
            var condition = ConditionFor(key, value);
            var written = await Guard(key, () => WriteDocumentAsync(key, json, condition, cancellationToken))
                ?? throw new StorageConflictException(key);
            if (value is not null and not IStoreItem)
            {
                // A second save in the same turn must expect the version this one just wrote.
                readVersions.AddOrUpdate(value, new ReadVersion(key, written));
            }
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            await Guard<object?>(key, async () =>
            {
                await DeleteDocumentAsync(key, cancellationToken);
                return null;
            });
        }
    }

    private WriteCondition ConditionFor(string key, object value)
    {
        if (value is IStoreItem storeItem)
        {
            return storeItem.ETag is { Length: > 0 } etag && etag != "*" ? new WriteCondition(false, etag) : WriteCondition.Overwrite;
        }

        return value is not null && readVersions.TryGetValue(value, out var read) && read.Key == key
            ? new WriteCondition(false, read.ETag)
            : new WriteCondition(CreateOnly: true, IfMatch: null);
    }

    /// <summary>Runs a provider call; its own failures become a <see cref="StorageUnavailableException"/> naming the key.</summary>
    private static async Task<T> Guard<T>(string key, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or StorageConflictException or StorageUnavailableException))
        {
            throw new StorageUnavailableException(key, ex);
        }
    }

    private sealed record ReadVersion(string Key, string ETag);
}
