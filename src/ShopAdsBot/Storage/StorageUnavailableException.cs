namespace ShopAdsBot.Storage;

/// <summary>
/// The storage could not be read or written (unreachable, locked, read-only, refused): a fault of the infrastructure,
/// not of the conversation. The turn's changes are not saved and the stored state stays as it was, so the adapter's
/// error handler apologises without resetting the conversation.
/// </summary>
public sealed class StorageUnavailableException(string key, Exception innerException)
    : Exception($"The state '{key}' could not be read or written: {innerException.Message}", innerException)
{
    public string Key { get; } = key;
}
