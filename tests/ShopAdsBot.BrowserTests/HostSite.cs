using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShopAdsBot.BrowserTests;

/// <summary>
/// Somebody else's website that embeds the widget with the one-line snippet: a tiny Kestrel server on its own loopback
/// port (another origin than the bot's), with two pages that link to each other. The bot's address is read when a page
/// is served, so the site can start before the bot (whose settings need the site's origin).
/// </summary>
public sealed class HostSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    /// <param name="host">The host name the site is reached by: "localhost" makes it another site than the bot at 127.0.0.1.</param>
    public HostSite(Func<string> botUrl, string host = "127.0.0.1", string snippetAttributes = "")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/{page:int}", (int page) => Results.Content($$"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><title>Boutique Exemple, page {{page}}</title></head>
            <body>
              <h1>Boutique Exemple, page {{page}}</h1>
              <p>Une page d'un site qui intègre l'assistant.</p>
              <p><a id="other-page" href="/{{3 - page}}">Page {{3 - page}}</a></p>
              <script src="{{botUrl()}}/widget.js" {{snippetAttributes}} async></script>
            </body>
            </html>
            """, "text/html; charset=utf-8"));
        _app.StartAsync().GetAwaiter().GetResult();
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Origin = $"http://{host}:{address.Port}";
    }

    /// <summary>scheme://host:port of this site.</summary>
    public string Origin { get; }

    public string Page(int number) => $"{Origin}/{number}";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
