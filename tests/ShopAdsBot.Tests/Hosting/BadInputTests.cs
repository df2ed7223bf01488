using System.Net;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Hosting;

/// <summary>Bad input on /api/messages gets a 4xx with a reason (or is ignored politely), never a 500.</summary>
public class BadInputTests(BotHost host) : IClassFixture<BotHost>
{
    public static TheoryData<string, string, HttpStatusCode> BadBodies => new()
    {
        { "this is not json", "application/json", HttpStatusCode.BadRequest },
        { "{\"type\": \"message\"", "application/json", HttpStatusCode.BadRequest },
        { "[1, 2, 3]", "application/json", HttpStatusCode.BadRequest },
        { "\"just a string\"", "application/json", HttpStatusCode.BadRequest },
        { "{\"hello\": \"world\"}", "application/json", HttpStatusCode.BadRequest },
        { "{}", "application/json", HttpStatusCode.BadRequest },
        { "{\"type\": \"message\"}", "text/plain", HttpStatusCode.UnsupportedMediaType },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task MalformedBodiesGetA4xxWithAReason(string body, string contentType, HttpStatusCode expected)
    {
        var response = await host.PostRawAsync(body, contentType);

        Assert.Equal(expected, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()));
    }

    public static TheoryData<string, Action<JObject>> BrokenActivities => new()
    {
        { "no conversation", a => a.Remove("conversation") },
        { "conversation without id", a => a["conversation"] = new JObject() },
        { "no from", a => a.Remove("from") },
        { "no recipient", a => a.Remove("recipient") },
        { "no type", a => a.Remove("type") },
        { "no serviceUrl", a => a.Remove("serviceUrl") },
        { "relative serviceUrl", a => a["serviceUrl"] = "/v3" },
        { "deliveryMode of the wrong type", a => a["deliveryMode"] = new JObject() },
        { "null in membersAdded", a => { a["type"] = "conversationUpdate"; a["membersAdded"] = new JArray(JValue.CreateNull()); } },
        { "membersAdded not an array", a => { a["type"] = "conversationUpdate"; a["membersAdded"] = "everyone"; } },
        { "text of the wrong type", a => a["text"] = new JObject { ["x"] = 1 } },
        { "timestamp not a date", a => a["timestamp"] = "yesterday" },
    };

    [Theory]
    [MemberData(nameof(BrokenActivities))]
    public async Task ActivitiesMissingWhatTheAdapterNeedsGet400(string why, Action<JObject> breakIt)
    {
        var activity = ActivityJson.Message("bonjour", deliveryMode: "expectReplies");
        breakIt(activity);

        var response = await host.PostActivityAsync(activity);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        Assert.Contains("detail", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AHugeBodyGets413()
    {
        var activity = ActivityJson.Message(new string('a', 2 * 1024 * 1024), deliveryMode: "expectReplies");

        var response = await host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownActivityTypeIsIgnoredPolitely()
    {
        var activity = ActivityJson.Message("bonjour", deliveryMode: "expectReplies");
        activity["type"] = "somethingNew";

        var response = await host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AMessageWithNoTextGetsAnAnswerNotAnError()
    {
        var activity = ActivityJson.Message("", conversationId: "empty-text");
        activity.Remove("text");

        var replies = await host.ExpectRepliesAsync(activity);

        // Outside a flow, an empty message brings the menu: no error, no "not understood".
        var menu = ShopAdsBot.Content.ContentCatalog.Load(ShopAdsBot.Content.ContentCatalog.LocateRoot()).Menu;
        Assert.DoesNotContain(menu.Text("errorMessage", "fr"), replies.Select(r => (string?)r["text"]));
        var cards = replies.SelectMany(r => r["attachments"] ?? new JArray()).Where(a => (string?)a["contentType"] == Support.Cards.AdaptiveCard).ToList();
        Assert.True(cards.Count == 1, $"expected the menu card alone, got: {replies}");
        Assert.Contains(menu.Text("menuTitle", "fr"), cards[0]["content"]!.ToString());
    }

    [Fact]
    public async Task AGetOnTheMessagesEndpointIsNotAllowed()
    {
        var response = await host.CreateClient().GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
