using System.Net;
using System.Text.RegularExpressions;

namespace ShopAdsBot.Tests.WebChat;

/// <summary>GET / is the ShopAdsBot page, with the pinned Web Chat bundle served by the app itself.</summary>
public class WebChatPageTests
{
    [Fact]
    public async Task TheRootServesTheShopAdsBotPage()
    {
        using var host = new WebChatHost();
        var response = await host.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>ShopAdsBot", html);
        Assert.Contains("src=\"/lib/botframework-webchat/webchat.js\"", html);
        Assert.Contains("data-lang=\"en\"", html);
    }

    [Fact]
    public async Task ThePageLoadsNothingFromAnotherOrigin()
    {
        using var host = new WebChatHost();
        var html = await host.CreateClient().GetStringAsync("/");

        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public async Task ThePinnedWebChatBundleIsServed()
    {
        using var host = new WebChatHost();
        var client = host.CreateClient();

        var bundle = await client.GetAsync("/lib/botframework-webchat/webchat.js");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True((await bundle.Content.ReadAsByteArrayAsync()).Length > 1_000_000);

        var version = await client.GetStringAsync("/lib/botframework-webchat/version.txt");
        Assert.StartsWith("botframework-webchat 4.18.", version);
    }
}
