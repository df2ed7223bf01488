using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ShopAdsBot.Channels.DirectLine;
using ShopAdsBot.Hosting;

namespace ShopAdsBot.Channels.WebChat;

/// <summary>
/// The Web Chat channel in two calls: <c>builder.Services.AddWebChatChannel(...)</c> and <c>app.MapWebChatChannel()</c>.
/// It serves the page at "/", the chat view at "/chat" (what widget.js frames on other sites), its static files, the
/// token endpoint, the local Direct Line, and in Development the widget's demo host page at "/widget-demo".
/// </summary>
public static class WebChatChannelExtensions
{
    public static IServiceCollection AddWebChatChannel(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .PostConfigure(options => options.EnableLocal ??= environment.IsDevelopment())
            .Validate(options => Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
                "DirectLine:Endpoint must be an absolute http(s) URL.")
            .Validate(options => options.MaxActivityBytes > 0 && options.MaxPostsPerWindow > 0 && options.MaxConversations > 0,
                "DirectLine limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<WebChatOptions>()
            .Bind(configuration.GetSection(WebChatOptions.SectionName))
            .Validate(options => options.AllowedOrigins.All(origin => WebChatOptions.NormalizeOrigin(origin) is not null),
                "WebChat:AllowedOrigins must list origins such as https://help.example.com (scheme, host and optional port; no path).")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LocalDirectLineTokenService>();
        services.AddSingleton<LocalConversationStore>();
        services.AddSingleton<LocalDirectLineBotConnector>();
        services.AddDataProtection();
        // The key ring is read (or created) when the first ticket is issued, not at start-up: DataProtection's hosted
        // service would load it before the first turn, with the XML and OpenSSL libraries (3 MiB of memory and some
        // start-up CPU in every instance, also in those that never serve Web Chat; docs/performance.md).
        var preload = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService");
        if (preload is not null) services.Remove(preload);
        services.AddSingleton<ConversationTickets>();
        services.AddHttpClient(WebChatTokenEndpoint.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(WebChatTokenEndpoint.RateLimitPolicy, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.MaxTokenRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1) });
            });
        });
        return services;
    }

    public static WebApplication MapWebChatChannel(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseStaticFiles();

        // "/" is the Web Chat page; mapped as an endpoint so it wins over any other default-document rule.
        // Both it and the chat view may be framed by the sites of WebChat:AllowedOrigins.
        app.MapGet("/", (IWebHostEnvironment env) => Page(env, "index.html")).AllowEmbedding();
        app.MapGet("/chat", (IWebHostEnvironment env) => Page(env, "chat.html")).AllowEmbedding();
        if (app.Environment.IsDevelopment())
        {
            app.MapWidgetDemo();
        }

        app.MapWebChatToken();
        app.MapLocalDirectLine();
        return app;
    }

    private static IResult Page(IWebHostEnvironment env, string fileName)
    {
        var page = env.WebRootFileProvider.GetFileInfo(fileName);
        return page.Exists && page.PhysicalPath is not null
            ? Results.File(page.PhysicalPath, "text/html; charset=utf-8")
            : Results.NotFound();
    }
}
