using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.WebChat;

/// <summary>
/// POST /api/webchat/token with {"resume": ticket}: the same conversation with a fresh token while it lives, a new one
/// otherwise; never a token for another site's script.
/// </summary>
public class WebChatResumeTests
{
    private static async Task<(HttpStatusCode Status, JObject Body)> PostTokenAsync(WebChatHost host, string? body, string? fetchSite = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        var response = await host.CreateClient().SendAsync(request);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ATicketRejoinsItsConversationWithAFreshTokenThatReadsTheHistory()
    {
        using var host = WebChatHost.WithEchoBot();
        var (_, started) = await PostTokenAsync(host, null);
        Assert.False((bool)started["resumed"]!);
        var conversation = new DirectLineSession(host.CreateClient(), (string)started["token"]!, (string)started["conversationId"]!);
        Assert.Equal(HttpStatusCode.Created, (await conversation.SendAsync(HttpMethod.Post, "/v3/directline/conversations", "{\"locale\":\"fr-FR\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await conversation.PostMessageAsync("bonjour")).StatusCode);

        var (status, resumed) = await PostTokenAsync(host, new JObject { ["resume"] = started["resume"] }.ToString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)resumed["resumed"]!);
        Assert.Equal((string?)started["conversationId"], (string?)resumed["conversationId"]);
        Assert.Equal((string?)started["userId"], (string?)resumed["userId"]);

        // The new token reads the whole conversation again (no watermark): the welcome, the message and its echo.
        var again = new DirectLineSession(host.CreateClient(), (string)resumed["token"]!, (string)resumed["conversationId"]!);
        var texts = (await again.GetActivitiesAsync())["activities"]!.Select(a => (string?)a["text"]).ToList();
        Assert.Contains("welcome|fr-FR|webchat", texts);
        Assert.Contains("bonjour", texts);
        Assert.Contains(texts, t => t?.StartsWith("echo:bonjour|fr-FR", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("not-a-ticket")]
    [InlineData("")]
    public async Task AnUnknownTicketStartsANewConversation(string ticket)
    {
        using var host = WebChatHost.WithEchoBot();
        var (status, body) = await PostTokenAsync(host, new JObject { ["resume"] = ticket }.ToString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False((bool)body["resumed"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["resume"]));
    }

    [Fact]
    public async Task ATicketOfAnotherAppInstanceIsNotAccepted()
    {
        using var one = WebChatHost.WithEchoBot();
        var (_, started) = await PostTokenAsync(one, null);
        using var other = new WebChatHost(settings: new Dictionary<string, string?> { ["DirectLine:MaxConversations"] = "5" });
        var (_, body) = await PostTokenAsync(other, new JObject { ["resume"] = started["resume"] }.ToString());
        Assert.False((bool)body["resumed"]!);
        Assert.NotEqual((string?)started["conversationId"], (string?)body["conversationId"]);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("{\"resume\": 12}")]
    [InlineData("{not json")]
    public async Task AMalformedBodyIsA400WithAReason(string body)
    {
        using var host = WebChatHost.WithEchoBot();
        var (status, answer) = await PostTokenAsync(host, body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("resume", (string?)answer["error"]!["message"]);
    }

    [Theory]
    [InlineData("cross-site", HttpStatusCode.Forbidden)]
    [InlineData("same-site", HttpStatusCode.Forbidden)]
    [InlineData("same-origin", HttpStatusCode.OK)]
    [InlineData("none", HttpStatusCode.OK)]
    public async Task TokensAreOnlyGivenToTheAppsOwnPages(string fetchSite, HttpStatusCode expected)
    {
        using var host = WebChatHost.WithEchoBot();
        var (status, body) = await PostTokenAsync(host, null, fetchSite);
        Assert.Equal(expected, status);
        Assert.Equal(expected == HttpStatusCode.OK, body["token"] is not null);
    }
}
