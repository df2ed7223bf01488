using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Hosting;

/// <summary>
/// POST /api/messages through the real host, as the Emulator, Web Chat and Teams reach it. The host's clock stands
/// still, so a slow first turn on a busy machine never adds a "typing…" (the typing middleware has its own tests).
/// </summary>
public class MessagesEndpointTests(MessagesEndpointTests.StillClockHost host) : IClassFixture<MessagesEndpointTests.StillClockHost>
{
    public sealed class StillClockHost : BotHost
    {
        public StillClockHost() => TestServices = s => s.AddSingleton<TimeProvider>(new FakeTimeProvider());
    }

    [Fact]
    public async Task HealthzAnswers200()
    {
        var response = await host.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ExpectRepliesReturnsTheRepliesInTheBody()
    {
        var replies = await host.ExpectRepliesAsync(ActivityJson.Message("bonjour", conversationId: "expect-replies"));

        var message = Assert.Single(replies, r => (string?)r["type"] == "message");
        Assert.Equal("expect-replies", (string?)message["conversation"]?["id"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)message["text"]) && message["attachments"] == null);
    }

    [Fact]
    public async Task WithoutExpectRepliesTheReplyIsPostedToTheServiceUrlAsTheEmulatorExpects()
    {
        await using var emulator = await StandInConnector.StartAsync();
        var activity = ActivityJson.Message("l'onglet annonces n'apparait pas", serviceUrl: emulator.ServiceUrl, conversationId: "emulator-conv");

        var response = await host.PostActivityAsync(activity);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        // On the Emulator channel the "Route" trace comes first, then the answer.
        var trace = emulator.Next();
        Assert.Equal("trace", (string?)trace.Body?["type"]);
        var received = emulator.Next();
        Assert.Equal($"/v3/conversations/emulator-conv/activities/{(string?)activity["id"]}", received.Path);
        Assert.Equal("message", (string?)received.Body?["type"]);
        Assert.Equal((string?)activity["id"], (string?)received.Body?["replyToId"]);
    }

    [Theory]
    [InlineData("fr-FR", "Bonjour ! Je suis l'assistant TikTok Shop Ads")]
    [InlineData("en-US", "Hello! I'm the TikTok Shop Ads assistant")]
    public async Task NewMembersAreWelcomedWithAnAdaptiveCardInTheirLanguage(string locale, string expectedWord)
    {
        var replies = await host.ExpectRepliesAsync(ActivityJson.ConversationUpdate(locale, conversationId: "welcome-" + locale));

        var card = WelcomeCardOf(replies);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.StartsWith(expectedWord, (string?)card["fallbackText"]);
    }

    private static JObject WelcomeCardOf(JArray replies)
    {
        var attachment = replies.SelectMany(r => r["attachments"] ?? new JArray())
            .Single(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive");
        return (JObject)attachment["content"]!;
    }
}
