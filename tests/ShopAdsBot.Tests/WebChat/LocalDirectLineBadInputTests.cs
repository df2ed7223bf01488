using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.WebChat;

/// <summary>Bad input to the local Direct Line gets a 4xx with a reason, never a 500, and leaves other conversations alone.</summary>
public class LocalDirectLineBadInputTests
{
    [Fact]
    public async Task MissingTokenIs401()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();

        var response = await session.SendAsync(HttpMethod.Get, session.ActivitiesPath, token: string.Empty);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("MissingToken", (string?)JObject.Parse(await response.Content.ReadAsStringAsync())["error"]!["code"]);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c.d")]
    [InlineData("a.b.99999999999.d")]
    public async Task WrongTokenIs403(string token)
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await session.SendAsync(HttpMethod.Get, session.ActivitiesPath, token: token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.SendAsync(HttpMethod.Post, "/v3/directline/conversations", "{}", token: token)).StatusCode);
    }

    [Fact]
    public async Task ATamperedTokenIs403()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();
        var other = await host.StartAsync();

        // Same signature, another conversation id: the signature no longer matches.
        var parts = session.Token.Split('.');
        parts[0] = other.ConversationId;
        var forged = string.Join('.', parts);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.SendAsync(HttpMethod.Get, other.ActivitiesPath, token: forged)).StatusCode);
    }

    [Fact]
    public async Task AnotherConversationsTokenIs403()
    {
        using var host = WebChatHost.WithEchoBot();
        var mine = await host.StartAsync();
        var theirs = await host.StartAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await mine.SendAsync(HttpMethod.Get, theirs.ActivitiesPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mine.SendAsync(HttpMethod.Post, theirs.ActivitiesPath, "{\"type\":\"message\",\"text\":\"x\"}")).StatusCode);
    }

    [Fact]
    public async Task ExpiredTokenIs403()
    {
        using var host = WebChatHost.WithEchoBot(new Dictionary<string, string?> { ["DirectLine:TokenLifetime"] = "-00:01:00" });
        var connection = await host.GetConnectionAsync();
        var session = new DirectLineSession(host.CreateClient(), (string)connection["token"]!, (string)connection["conversationId"]!);

        var response = await session.SendAsync(HttpMethod.Post, "/v3/directline/conversations", "{}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenExpired", (string?)JObject.Parse(await response.Content.ReadAsStringAsync())["error"]!["code"]);
    }

    [Fact]
    public async Task AConversationNeverStartedIs404()
    {
        using var host = WebChatHost.WithEchoBot();
        var connection = await host.GetConnectionAsync();
        var session = new DirectLineSession(host.CreateClient(), (string)connection["token"]!, (string)connection["conversationId"]!);

        Assert.Equal(HttpStatusCode.NotFound, (await session.SendAsync(HttpMethod.Get, session.ActivitiesPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.PostMessageAsync("x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh")).StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"conversationUpdate\"}")]
    [InlineData("{\"type\":\"invoke\",\"name\":\"x\"}")]
    [InlineData("{\"type\":\"message\",\"attachments\":5}")]
    [InlineData("{\"type\":\"message\",\"from\":\"me\"}")]
    [InlineData("{\"type\":42}")]
    public async Task MalformedActivitiesAre400AndStoreNothing(string body)
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();
        var before = (string?)(await session.GetActivitiesAsync())["watermark"];

        var response = await session.SendAsync(HttpMethod.Post, session.ActivitiesPath, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)JObject.Parse(await response.Content.ReadAsStringAsync())["error"]!["message"]));
        Assert.Equal(before, (string?)(await session.GetActivitiesAsync(before))["watermark"]);
    }

    [Fact]
    public async Task DeeplyNestedJsonIs400()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();
        var nested = "{\"type\":\"message\",\"value\":" + new string('[', 200) + new string(']', 200) + "}";

        Assert.Equal(HttpStatusCode.BadRequest, (await session.SendAsync(HttpMethod.Post, session.ActivitiesPath, nested)).StatusCode);
    }

    [Fact]
    public async Task AHugeBodyIs413()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();
        var huge = new JObject { ["type"] = "message", ["text"] = new string('a', 40 * 1024) }.ToString();

        var response = await session.SendAsync(HttpMethod.Post, session.ActivitiesPath, huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ABadWatermarkIs400()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await session.SendAsync(HttpMethod.Get, session.ActivitiesPath + "?watermark=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.SendAsync(HttpMethod.Get, session.ActivitiesPath + "?watermark=-5")).StatusCode);
    }

    [Fact]
    public async Task AFloodOfPostsIs429WithRetryAfterAndOtherConversationsCarryOn()
    {
        using var host = WebChatHost.WithEchoBot(new Dictionary<string, string?>
        {
            ["DirectLine:MaxPostsPerWindow"] = "5",
            ["DirectLine:RateLimitWindow"] = "00:05:00",
        });
        var flooder = await host.StartAsync();
        var bystander = await host.StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await flooder.PostMessageAsync($"m{i}", clientActivityId: $"c{i}")).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Concat(Enumerable.Repeat((HttpStatusCode)429, 3)), statuses);
        var refused = await flooder.PostMessageAsync("again");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        Assert.Equal(HttpStatusCode.OK, (await bystander.PostMessageAsync("hello")).StatusCode);
        var texts = ((JArray)(await bystander.GetActivitiesAsync())["activities"]!).Select(a => (string?)a["text"]).ToList();
        Assert.Contains(texts, t => t != null && t.StartsWith("echo:hello|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ActivitiesPerConversationAreBounded()
    {
        using var host = WebChatHost.WithEchoBot(new Dictionary<string, string?> { ["DirectLine:MaxActivitiesPerConversation"] = "4" });
        var session = await host.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await session.PostMessageAsync($"m{i}", clientActivityId: $"c{i}");
        }

        var set = await session.GetActivitiesAsync();
        var texts = ((JArray)set["activities"]!).Select(a => (string?)a["text"]).ToList();
        Assert.Equal(4, texts.Count);
        Assert.Equal("m4", texts[2]);
        Assert.Equal("11", (string?)set["watermark"]);
    }

    [Fact]
    public async Task ConversationsAreBoundedLeastRecentlyUsedFirst()
    {
        using var host = WebChatHost.WithEchoBot(new Dictionary<string, string?> { ["DirectLine:MaxConversations"] = "3" });
        var first = await host.StartAsync();
        var second = await host.StartAsync();
        var third = await host.StartAsync();
        await first.GetActivitiesAsync(); // first is now more recent than second
        var fourth = await host.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await second.SendAsync(HttpMethod.Get, second.ActivitiesPath)).StatusCode);
        foreach (var live in new[] { first, third, fourth })
        {
            Assert.Equal(HttpStatusCode.OK, (await live.SendAsync(HttpMethod.Get, live.ActivitiesPath)).StatusCode);
        }
    }

    [Fact]
    public async Task ExpiredConversationsAreForgotten()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-05T09:00:00Z"));
        using var host = new WebChatHost(
            settings: new Dictionary<string, string?> { ["DirectLine:ConversationExpiry"] = "00:30:00", ["DirectLine:TokenLifetime"] = "03:00:00" },
            services: s => s.AddTransient<IBot, EchoBot>().AddSingleton<TimeProvider>(time));
        var session = await host.StartAsync();

        time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await session.SendAsync(HttpMethod.Get, session.ActivitiesPath)).StatusCode);
        time.Advance(TimeSpan.FromMinutes(31)); // 31 minutes after that last use

        Assert.Equal(HttpStatusCode.NotFound, (await session.SendAsync(HttpMethod.Get, session.ActivitiesPath)).StatusCode);
    }

    [Fact]
    public async Task UploadsAreNotOffered()
    {
        using var host = WebChatHost.WithEchoBot();
        var session = await host.StartAsync();

        var response = await session.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/upload?userId=x", "{}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
