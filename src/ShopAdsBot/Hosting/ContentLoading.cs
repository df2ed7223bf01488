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
    private readonly Task<ContentCatalog> read;
    private readonly Task<ContentCatalog> validated;
    private readonly Task<ShopAdsRecognizer> trained;

    public ContentLoading()
    {
        read = Task.Run(() => ContentCatalog.Read(ContentCatalog.LocateRoot()));
        validated = Task.Run(async () => ContentCatalog.Validated(await read));
        trained = Task.Run(async () => RecognizerSources.Load(await read).Build());
    }

    public ContentCatalog Catalog => validated.GetAwaiter().GetResult();

    /// <summary>
    /// The recognizer of <paramref name="catalog"/>: the one trained meanwhile when it is the content loaded here (the
    /// app), else one trained now (a host given other content, as tests do).
    /// </summary>
    public ShopAdsRecognizer RecognizerFor(ContentCatalog catalog) =>
        read.IsCompletedSuccessfully && ReferenceEquals(catalog, read.Result)
            ? trained.GetAwaiter().GetResult()
            : RecognizerSources.Load(catalog).Build();
}
