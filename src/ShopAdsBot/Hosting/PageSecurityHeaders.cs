using Microsoft.Extensions.Options;
using ShopAdsBot.Channels.DirectLine;
using ShopAdsBot.Channels.WebChat;

namespace ShopAdsBot.Hosting;

/// <summary>
/// Security headers for every HTML page the app serves (/, /chat, /widget-demo, /insights, any later one), decided by
/// the response's content type so that no page can forget them: a Content-Security-Policy without inline scripts,
/// Referrer-Policy and frame-ancestors. Every response also gets X-Content-Type-Options: nosniff.
/// Only endpoints marked <see cref="AllowEmbedding{TBuilder}"/> may be framed by the sites in WebChat:AllowedOrigins;
/// every other page only by the app itself.
/// </summary>
public static class PageSecurityHeaders
{
    /// <summary>Lets the sites of WebChat:AllowedOrigins frame this endpoint's page (the chat view, the Web Chat page).</summary>
    public static TBuilder AllowEmbedding<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(EmbeddablePage.Instance);

    /// <summary>Call first, so that every response, static files included, passes through it.</summary>
    public static IApplicationBuilder UsePageSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<PageSecurityHeadersMiddleware>();

    /// <summary>The CSP of a page; <paramref name="frameAncestors"/> are CSP sources (e.g. 'self', https://help.example.com).</summary>
    public static string ContentSecurityPolicy(IEnumerable<string> connectSources, IEnumerable<string> frameAncestors) => string.Join("; ",
        "default-src 'self'",
        // No inline script and no eval: every script is a file served by the app.
        "script-src 'self'",
        // Web Chat writes its styles at run time (<style> elements, style attributes of Adaptive Cards).
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "media-src 'self' data: blob:",
        "connect-src " + string.Join(' ', connectSources.Prepend("'self'")),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors " + string.Join(' ', frameAncestors));

    private sealed class EmbeddablePage
    {
        public static readonly EmbeddablePage Instance = new();
    }

    private sealed class PageSecurityHeadersMiddleware
    {
        public const string ReferrerPolicy = "strict-origin-when-cross-origin";

        private readonly RequestDelegate _next;
        private readonly string _embeddablePolicy;
        private readonly string _pagePolicy;

        public PageSecurityHeadersMiddleware(RequestDelegate next, IOptions<WebChatOptions> webChat, IOptions<DirectLineOptions> directLine, IHostEnvironment environment)
        {
            _next = next;
            var connect = DirectLineSources(directLine.Value).ToArray();
            _embeddablePolicy = ContentSecurityPolicy(connect, webChat.Value.FrameAncestors(environment.IsDevelopment()));
            _pagePolicy = ContentSecurityPolicy(connect, ["'self'"]);
        }

        public Task InvokeAsync(HttpContext http)
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    var embeddable = http.GetEndpoint()?.Metadata.GetMetadata<EmbeddablePage>() is not null;
                    headers.ContentSecurityPolicy = embeddable ? _embeddablePolicy : _pagePolicy;
                    headers["Referrer-Policy"] = ReferrerPolicy;
                }

                return Task.CompletedTask;
            });
            return _next(http);
        }

        /// <summary>Azure mode: the page talks to the Direct Line service itself (HTTPS, and WebSocket streams).</summary>
        private static IEnumerable<string> DirectLineSources(DirectLineOptions options)
        {
            if (options.LocalEnabled || string.IsNullOrWhiteSpace(options.Secret)
                || !Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint))
            {
                yield break;
            }

            yield return endpoint.GetLeftPart(UriPartial.Authority);
            yield return (endpoint.Scheme == Uri.UriSchemeHttps ? "wss://" : "ws://") + endpoint.Authority;
        }
    }
}
