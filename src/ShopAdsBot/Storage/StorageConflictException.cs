namespace ShopAdsBot.Storage;

/// <summary>
/// State was changed in storage since this turn read it (ETag mismatch), or was created by another turn since this one
/// found none: two messages of one conversation handled at the same time. The turn's changes are not saved; the turn
/// is run again on the fresh state (see Middleware/StateFirstMiddleware.cs).
/// </summary>
public sealed class StorageConflictException(string key, Exception? innerException = null)
    : Exception($"The state '{key}' was changed by another turn since it was read; this turn's changes were not saved.", innerException)
{
    public string Key { get; } = key;
}
