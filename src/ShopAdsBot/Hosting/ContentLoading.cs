using ShopAdsBot.Content;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Hosting;

/// <summary>
/// Most of a start-up is validating the content and training the recognizer, and neither needs the other. Both start
/// on the thread pool as soon as the services are registered, side by side and while the host is built. The host
/// resolves them before it listens (BotEndpoints), so a broken flow file still stops the app with its message and the
/// first turn never waits.
/// </summary>
internal sealed class ContentLoading
{
    private readonly Task<ContentCatalog> validated;
    private readonly Task<ShopAdsRecognizer> trained;

    public ContentLoading()
    {
        var read = Task.Run(() => ContentCatalog.Read(ContentCatalog.LocateRoot()));
        validated = Task.Run(async () => ContentCatalog.Validated(await read));
        trained = Task.Run(async () => RecognizerSources.Load(await read).Build());
    }

    public ContentCatalog Catalog => validated.GetAwaiter().GetResult();

    /// <summary>The recognizer of valid content only: a content error is reported as such, not as a training failure.</summary>
    public ShopAdsRecognizer Recognizer
    {
        get
        {
            _ = Catalog;
            return trained.GetAwaiter().GetResult();
        }
    }
}
