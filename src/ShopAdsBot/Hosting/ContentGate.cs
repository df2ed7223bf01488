using Microsoft.Bot.Builder;
using ShopAdsBot.Dialogs;

namespace ShopAdsBot.Hosting;

/// <summary>
/// No request is served before the content is loaded and validated and the dialogs are built, but the server does not
/// wait for them to start: Kestrel binds, builds its pipeline and accepts the first connection while
/// <see cref="ContentLoading"/> finishes on the other core, and a request that arrives meanwhile waits here (at
/// start-up only, and for tens of milliseconds when measured: docs/performance.md). Content that does not validate
/// stops the app with its message, as when the host waited for it before listening: the problems are logged, the
/// requests waiting get a 503, and <see cref="Run"/> ends the process with the <see cref="Content.ContentException"/>
/// listing them.
/// </summary>
public sealed class ContentGate
{
    private readonly WebApplication app;
    private readonly Task ready;

    private ContentGate(WebApplication app, Task ready) => (this.app, this.ready) = (app, ready);

    /// <summary>
    /// Starts building the bot (content, recognizer, dialogs, adapter) on the thread pool and holds every request until
    /// it is ready. Call before mapping the endpoints: the gate is a middleware, and every request passes it first.
    /// </summary>
    public static ContentGate Use(WebApplication app)
    {
        var services = app.Services;
        // The storage beside the content (opening SQLite and its tables takes tens of milliseconds the host's start need not
        // wait for): a wrong setting stops the app as content that does not validate does.
        var storage = Task.Run(() => services.GetRequiredService<IStorage>());
        // Waits for the content before resolving anything: a service resolved while the content is not ready would
        // hold the container's lock on every service on its way, and the host's own start could wait on one of them.
        var bot = Task.Run(async () =>
        {
            var content = services.GetRequiredService<ContentLoading>();
            await content.Ready;
            services.GetRequiredService<MainDialog>();
            services.GetRequiredService<AdapterWithErrorHandler>();
            app.Logger.LogInformation(content.RecognizerCompiled
                ? "Recognizer: the model compiled with the build ({File})."
                : "Recognizer: trained at start-up ({File} absent, or made from other content or code).", Recognition.RecognizerModelFile.FileName);
        });
        var ready = Task.WhenAll(storage, bot);

        ready.ContinueWith(failed =>
        {
            // The first problem (the dialogs cannot be built without the storage either: one setting, one message).
            var reason = failed.Exception!.Flatten().InnerExceptions[0];
            app.Logger.LogCritical(reason, "The bot cannot start: {Reason}", reason.Message);
            app.Lifetime.StopApplication();
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

        app.Use(async (http, next) =>
        {
            if (!ready.IsCompletedSuccessfully)
            {
                try
                {
                    await ready.WaitAsync(http.RequestAborted);
                }
                catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
                {
                    return; // the caller left
                }
                catch (Exception)
                {
                    // The reason is in the log (above); the caller learns only that the app is stopping.
                    await Results.Problem(title: "Service Unavailable", detail: "The bot cannot start (its content or settings are not valid); the app is stopping. Its log says why.",
                        statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
                    return;
                }
            }
            await next(http);
        });
        return new ContentGate(app, ready);
    }

    /// <summary>
    /// Runs the app until it stops, then rethrows what kept the bot from starting, if anything did: the process ends with
    /// the problems as its unhandled exception, as it did when the host waited for the content before listening.
    /// </summary>
    public void Run()
    {
        try
        {
            app.Run();
        }
        catch (OperationCanceledException) when (ready.IsFaulted)
        {
            // Stopped before the server had started: the reason is thrown below.
        }
        if (ready.IsFaulted) ready.GetAwaiter().GetResult();
    }
}
