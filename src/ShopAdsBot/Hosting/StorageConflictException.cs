namespace ShopAdsBot.Hosting;

/// <summary>
/// State was changed in storage since this turn read it (ETag mismatch): typically two messages of one conversation
/// handled at the same time. The turn's changes are not saved; OnTurnError asks the user to send the message again.
/// </summary>
public sealed class StorageConflictException(string key, Exception innerException)
    : Exception($"The state '{key}' was changed by another turn since it was read; this turn's changes were not saved.", innerException)
{
    public string Key { get; } = key;
}
