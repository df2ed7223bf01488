using System.Net;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.WebChat;

/// <summary>The local Direct Line as botframework-directlinejs uses it: start, post, poll with a watermark, refresh.</summary>
public class LocalDirectLineTests
{
    [Fact]
    public async Task TokenEndpointInDevelopmentGivesALocalTokenAndDomain()
    {
        using var host = WebChatHost.WithEchoBot();
        var connection = await host.GetConnectionAsync();

        Assert.Equal("local", (string?)connection["mode"]);
        Assert.Equal("http://localhost/v3/directline", (string?)connection["domain"]);
        Assert.False((bool)connection["webSocket"]!);
        Assert.StartsWith("u_", (string?)connection["userId"]);
        Assert.False(string.IsNullOrEmpty((string?)connection["token"]));
    }

    [Fact]
    public async Task StartingAConversationGreetsTheUserInTheStartLocaleOnTheWebchatChannel()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync("en-US");

        var set = await session.GetActivitiesAsync();
        var activities = (JArray)set["activities"]!;
        var welcome = Assert.Single(activities);
        Assert.Equal("welcome|en-US|webchat", (string?)welcome["text"]);
        Assert.Equal("bot", (string?)welcome["from"]!["role"]);
        Assert.Equal(session.ConversationId, (string?)welcome["conversation"]!["id"]);
        Assert.Equal("1", (string?)set["watermark"]);
    }

    [Fact]
    public async Task StartingTwiceGreetsOnce()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();
        var again = await session.SendAsync(HttpMethod.Post, "/v3/directline/conversations", "{}");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);

        Assert.Single((JArray)(await session.GetActivitiesAsync())["activities"]!);
    }

    [Fact]
    public async Task APostIsEchoedWithItsClientActivityIdAndAnIdThenAnsweredAfterTheWatermark()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();
        var watermark = (string?)(await session.GetActivitiesAsync())["watermark"];

        var post = await session.PostMessageAsync("bonjour", clientActivityId: "client-42");
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var postedId = (string?)JObject.Parse(await post.Content.ReadAsStringAsync())["id"];
        Assert.StartsWith(session.ConversationId + "|", postedId);

        var set = await session.GetActivitiesAsync(watermark);
        var activities = ((JArray)set["activities"]!).Cast<JObject>().ToList();
        Assert.Equal(2, activities.Count);

        var echo = activities[0];
        Assert.Equal(postedId, (string?)echo["id"]);
        Assert.Equal("client-42", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.Equal("bonjour", (string?)echo["text"]);

        // The user id comes from the token, not from what the client claimed ("someone-else").
        var reply = activities[1];
        var connectionUser = (string?)echo["from"]!["id"];
        Assert.StartsWith("u_", connectionUser);
        Assert.Equal($"echo:bonjour|fr-FR|{connectionUser}", (string?)reply["text"]);
        Assert.Equal(postedId, (string?)reply["replyToId"]);
        Assert.Equal("bot", (string?)reply["from"]!["role"]);

        // Nothing new after the latest watermark.
        var after = await session.GetActivitiesAsync((string?)set["watermark"]);
        Assert.Empty((JArray)after["activities"]!);
        Assert.Equal((string?)set["watermark"], (string?)after["watermark"]);
    }

    [Fact]
    public async Task TheLocaleOfEachActivityReachesTheBot()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync("fr-FR");
        await session.PostMessageAsync("hi", locale: "en-US");

        var texts = ((JArray)(await session.GetActivitiesAsync())["activities"]!).Select(a => (string?)a["text"]).ToList();
        Assert.Contains(texts, t => t != null && t.StartsWith("echo:hi|en-US|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefreshGivesANewWorkingTokenForTheSameConversation()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();

        var refresh = await session.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var body = JObject.Parse(await refresh.Content.ReadAsStringAsync());
        Assert.Equal(session.ConversationId, (string?)body["conversationId"]);
        Assert.True((int)body["expires_in"]! > 60);

        session.Token = (string)body["token"]!;
        Assert.Equal(HttpStatusCode.OK, (await session.PostMessageAsync("encore")).StatusCode);
    }

    [Fact]
    public async Task ResumingAConversationAnswersItsIdAndToken()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();

        var resume = await session.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}?watermark=0");
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        Assert.Equal(session.ConversationId, (string?)JObject.Parse(await resume.Content.ReadAsStringAsync())["conversationId"]);
    }

    [Fact]
    public async Task TypingIsEchoedButNotAnsweredByTheBot()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();
        var watermark = (string?)(await session.GetActivitiesAsync())["watermark"];

        var post = await session.SendAsync(HttpMethod.Post, session.ActivitiesPath, "{\"type\":\"typing\"}");
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var activity = Assert.Single((JArray)(await session.GetActivitiesAsync(watermark))["activities"]!);
        Assert.Equal("typing", (string?)activity["type"]);
    }

    [Fact]
    public async Task TheRealBotGreetsTheUserWhenTheConversationStarts()
    {
        using var host = new WebChatHost();
        var session = await host.StartAsync();

        // The welcome card, and only it: an error message from the bot is a bot message too.
        var activities = (JArray)(await session.GetActivitiesAsync())["activities"]!;
        var welcome = Assert.Single(activities, a => (string?)a["from"]?["role"] == "bot" && (string?)a["type"] == "message");
        Assert.True(welcome["attachments"] is JArray, $"the bot's message is not the welcome card: {welcome}");
        var card = Assert.Single((JArray)welcome["attachments"]!);
        Assert.Equal(Support.Cards.AdaptiveCard, (string?)card["contentType"]);
        var strings = ShopAdsBot.Content.ContentCatalog.Load(ShopAdsBot.Content.ContentCatalog.LocateRoot()).Menu;
        Assert.Contains(strings.Text("welcomeTitle", "fr"), card["content"]!.ToString());
    }

    [Fact]
    public async Task ABotFailureStillAnswersPolitelyWithoutA500()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();
        var watermark = (string?)(await session.GetActivitiesAsync())["watermark"];

        var post = await session.PostMessageAsync("throw");
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var activities = (JArray)(await session.GetActivitiesAsync(watermark))["activities"]!;
        var expected = ShopAdsBot.Content.ContentCatalog.Load(ShopAdsBot.Content.ContentCatalog.LocateRoot()).Menu.Text("errorMessage", "fr");
        Assert.Contains(activities, a => (string?)a["from"]?["role"] == "bot" && (string?)a["text"] == expected);
    }
}
