using ShopAdsBot.Content;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Hosting;

/// <summary>
/// Most of a start-up is reading and validating the content and getting the recognizer ready, and neither needs the
/// other. Program starts this first, before the host is even configured; reading, validation and the recognizer then
/// run on the thread pool side by side with the host's own start, and no request is served before they are done
/// (<see cref="ContentGate"/>), so a broken flow file still stops the app with its message.
/// The content is validated here unless the build validated these very files (<see cref="ContentStamp"/>); the
/// recognizer is the one compiled with the build (<see cref="RecognizerModelFile"/>) when it fits the content, else
/// trained here.
/// </summary>
internal sealed class ContentLoading
{
    private readonly Task<ContentCatalog> read;
    private readonly Task<ContentCatalog> validated;
    private readonly Task<ShopAdsRecognizer> recognizer;

    public ContentLoading()
    {
        var root = ContentCatalog.LocateRoot();
        read = Task.Run(() => ContentCatalog.Read(root));
        // The content the build validated (ContentStamp) is not validated again; any other content is, in full.
        var stamped = Task.Run(() => ContentStamp.Matches(root, Path.Combine(AppContext.BaseDirectory, ContentStamp.FileName)));
        validated = Task.Run(async () => await stamped ? await read : ContentCatalog.Validated(await read));
        recognizer = Task.Run(async () =>
        {
            var sources = RecognizerSources.Load(await read);
            var compiled = RecognizerModelFile.TryRead(sources, Path.Combine(AppContext.BaseDirectory, RecognizerModelFile.FileName));
            RecognizerCompiled = compiled is not null;
            return compiled ?? sources.Build();
        });
    }

    public ContentCatalog Catalog => validated.GetAwaiter().GetResult();

    /// <summary>Completes when the content is validated and the recognizer ready (faulted with what stopped either).</summary>
    public Task Ready => Task.WhenAll(validated, recognizer);

    /// <summary>Whether the recognizer came from the build's model file (false: trained at start-up). Known once it is ready.</summary>
    public bool RecognizerCompiled { get; private set; }

    /// <summary>
    /// The recognizer of <paramref name="catalog"/>: the one made ready meanwhile when it is the content loaded here (the
    /// app), else one trained now (a host given other content, as tests do).
    /// </summary>
    public ShopAdsRecognizer RecognizerFor(ContentCatalog catalog) =>
        read.IsCompletedSuccessfully && ReferenceEquals(catalog, read.Result)
            ? recognizer.GetAwaiter().GetResult()
            : RecognizerSources.Load(catalog).Build();
}
