using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ShopAdsBot.Tests.WebChat;

/// <summary>
/// Every HTML page carries a Content-Security-Policy without inline scripts, nosniff, a Referrer-Policy and
/// frame-ancestors from WebChat:AllowedOrigins (the chat may be embedded; other pages only by the app itself).
/// </summary>
public class PageSecurityHeadersTests
{
    private static async Task<HttpResponseMessage> GetAsync(WebChatHost host, string path)
    {
        var response = await host.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static string Csp(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));

    private static string Directive(string csp, string name) =>
        Assert.Single(csp.Split(';', StringSplitOptions.TrimEntries), d => d.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..];

    [Theory]
    [InlineData("/")]
    [InlineData("/chat")]
    [InlineData("/widget-demo")]
    [InlineData("/index.html")]
    public async Task EveryPageHasTheSecurityHeaders(string path)
    {
        using var host = new WebChatHost();
        var response = await GetAsync(host, path);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Csp(response);
        Assert.Equal("'self'", Directive(csp, "script-src"));
        Assert.Equal("'self'", Directive(csp, "default-src"));
        Assert.Equal("'none'", Directive(csp, "object-src"));
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    /// <summary>Every GET endpoint without parameters that answers HTML, including pages added later (e.g. /insights).</summary>
    [Fact]
    public async Task EveryHtmlEndpointOfTheAppHasTheSecurityHeaders()
    {
        using var host = new WebChatHost();
        var client = host.CreateClient();
        var paths = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count == 0
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();

        var pages = 0;
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                pages++;
                Assert.Equal("'self'", Directive(Csp(response), "script-src"));
                Assert.True(response.Headers.Contains("Referrer-Policy"), path);
            }
        }

        Assert.True(pages >= 3, $"HTML pages found: {pages} among {string.Join(", ", paths)}");
    }

    [Fact]
    public async Task ScriptsAndOtherResponsesAreNotSniffed()
    {
        using var host = new WebChatHost();
        foreach (var path in new[] { "/widget.js", "/js/chat-view.js", "/healthz" })
        {
            var response = await GetAsync(host, path);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(response.Headers.Contains("Content-Security-Policy"), path);
        }
    }

    [Fact]
    public async Task InDevelopmentWithoutASettingTheChatMayBeFramedByAnyLoopbackOrigin()
    {
        using var host = new WebChatHost();
        foreach (var path in new[] { "/", "/chat" })
        {
            Assert.Equal("'self' http://localhost:* http://127.0.0.1:*", Directive(Csp(await GetAsync(host, path)), "frame-ancestors"));
        }

        // Pages that are not the chat are never framed by another site.
        Assert.Equal("'self'", Directive(Csp(await GetAsync(host, "/widget-demo")), "frame-ancestors"));
    }

    [Fact]
    public async Task InProductionWithoutASettingOnlyTheBotFramesTheChat()
    {
        using var host = new WebChatHost("Production", new Dictionary<string, string?> { ["DirectLine:Secret"] = "s" });
        Assert.Equal("'self'", Directive(Csp(await GetAsync(host, "/chat")), "frame-ancestors"));
        Assert.Equal("'self'", Directive(Csp(await GetAsync(host, "/")), "frame-ancestors"));
    }

    [Fact]
    public async Task TheAllowedOriginsAreTheOnlySitesThatMayFrameTheChat()
    {
        using var host = new WebChatHost("Production", new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = "s",
            ["WebChat:AllowedOrigins:0"] = "https://help.example.com/",
            ["WebChat:AllowedOrigins:1"] = "http://localhost:8080",
        });
        var csp = Csp(await GetAsync(host, "/chat"));
        Assert.Equal("'self' https://help.example.com http://localhost:8080", Directive(csp, "frame-ancestors"));

        // Azure mode: the chat talks to the Direct Line service itself, over HTTPS and WebSocket.
        Assert.Equal("'self' https://directline.botframework.com wss://directline.botframework.com", Directive(csp, "connect-src"));
    }

    [Theory]
    [InlineData("help.example.com")]
    [InlineData("https://help.example.com/support")]
    [InlineData("ftp://help.example.com")]
    [InlineData("https://help.example.com; script-src *")]
    public void AnAllowedOriginThatIsNotAnOriginStopsTheAppWithTheSettingsName(string origin)
    {
        using var host = new WebChatHost(settings: new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = origin });
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("WebChat:AllowedOrigins", error.ToString());
    }

    [Fact]
    public async Task TheWidgetDemoExistsOnlyInDevelopment()
    {
        using var development = new WebChatHost();
        var html = await (await GetAsync(development, "/widget-demo?page=2")).Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"http://localhost/widget.js\" async></script>", html);
        Assert.Contains("href=\"/widget-demo\"", html);

        using var production = new WebChatHost("Production", new Dictionary<string, string?> { ["DirectLine:Secret"] = "s" });
        Assert.Equal(HttpStatusCode.NotFound, (await production.CreateClient().GetAsync("/widget-demo")).StatusCode);
    }
}
