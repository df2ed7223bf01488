using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Hosting;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Lifecycle;

/// <summary>429 and 5xx answers of the Bot Connector are retried with back-off and jitter, on a clock the tests move.</summary>
public class ConnectorRetryTests
{
    [Fact]
    public async Task ThrottledAndFailingAnswersAreRetriedUntilOneSucceeds()
    {
        await using var connector = await StandInConnector.StartAsync();
        connector.Script(_ => StandInConnector.Status(429, "3"), _ => StandInConnector.Status(503));
        var clock = new ObservedTimeProvider();
        using var client = Client(clock);

        var sending = client.PostAsync(connector.ServiceUrl + "v3/conversations/c1/activities", Json("{\"type\":\"message\",\"text\":\"Bonjour\"}"));
        Assert.Equal(TimeSpan.FromSeconds(3), clock.AdvancePastNextTimer()); // Retry-After (3 s) is above the first back-off (0.5–1 s)
        var second = clock.AdvancePastNextTimer();
        Assert.InRange(second, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)); // 2nd retry: half to all of 2 s
        using var response = await sending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = connector.Drain();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal("Bonjour", (string?)a.Body?["text"])); // the same body each time
    }

    [Fact]
    public async Task AConnectorThatKeepsFailingGetsFourAttemptsThenItsAnswerIsReturned()
    {
        await using var connector = await StandInConnector.StartAsync();
        connector.Script(_ => StandInConnector.Status(500), _ => StandInConnector.Status(502), _ => StandInConnector.Status(503), _ => StandInConnector.Status(504));
        var clock = new ObservedTimeProvider();
        using var client = Client(clock);

        var sending = client.PostAsync(connector.ServiceUrl + "v3/conversations/c1/activities", Json("{}"));
        for (var retry = 1; retry < BotConnectorRetryHandler.MaxAttempts; retry++)
        {
            clock.AdvancePastNextTimer();
        }
        using var response = await sending;

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal(BotConnectorRetryHandler.MaxAttempts, connector.Drain().Count);
        Assert.Empty(clock.Timers); // no wait after the last attempt
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(501)]
    public async Task OtherAnswersAreNotRetried(int status)
    {
        await using var connector = await StandInConnector.StartAsync();
        connector.Script(_ => StandInConnector.Status(status));
        var clock = new ObservedTimeProvider();
        using var client = Client(clock);

        using var response = await client.PostAsync(connector.ServiceUrl + "v3/conversations/c1/activities", Json("{}"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Single(connector.Drain());
        Assert.Empty(clock.Timers);
    }

    [Fact]
    public async Task ARetryAfterBeyondTheLongestWaitIsNotWaitedFor()
    {
        await using var connector = await StandInConnector.StartAsync();
        connector.Script(_ => StandInConnector.Status(429, "120"));
        var clock = new ObservedTimeProvider();
        using var client = Client(clock);

        using var response = await client.PostAsync(connector.ServiceUrl + "v3/conversations/c1/activities", Json("{}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(connector.Drain());
    }

    [Fact]
    public void TheBackOffDoublesWithJitterAndHonoursRetryAfter()
    {
        var now = DateTimeOffset.UnixEpoch;
        var random = new Random(17);
        for (var retry = 1; retry <= 3; retry++)
        {
            var ceiling = BotConnectorRetryHandler.BaseDelay * Math.Pow(2, retry - 1);
            var delays = Enumerable.Range(0, 200).Select(_ => BotConnectorRetryHandler.DelayBeforeRetry(retry, null, now, random)!.Value).ToList();
            Assert.All(delays, d => Assert.InRange(d, ceiling / 2, ceiling));
            Assert.True(delays.Distinct().Count() > 100, "the delays are spread (jitter), not all the same");
        }

        Assert.Equal(TimeSpan.FromSeconds(5), BotConnectorRetryHandler.DelayBeforeRetry(1, new RetryConditionHeaderValue(TimeSpan.FromSeconds(5)), now, random));
        Assert.Equal(TimeSpan.FromSeconds(7), BotConnectorRetryHandler.DelayBeforeRetry(1, new RetryConditionHeaderValue(now.AddSeconds(7)), now, random));
        Assert.Null(BotConnectorRetryHandler.DelayBeforeRetry(1, new RetryConditionHeaderValue(TimeSpan.FromMinutes(5)), now, random));
    }

    [Fact]
    public async Task TheBotsReplyReachesATeamsConnectorThatThrottledItFirst()
    {
        await using var connector = await StandInConnector.StartAsync();
        // The first message is throttled (not a "typing…" that a slow turn may send before it).
        connector.Script(r => (string?)r.Body?["type"] == "message" ? StandInConnector.Status(429, "1") : null);
        var clock = new ObservedTimeProvider();
        await using var host = new BotHost { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var teams = new TeamsConversation(TeamsScope.Personal);
        var message = teams.Message("aide");
        message["serviceUrl"] = connector.ServiceUrl;

        // The replies go out after the turn's state is saved; a typing indicator's delay may start first.
        var posting = host.PostActivityAsync(message);
        await clock.AdvanceTimersUntilAsync(posting);
        using var response = await posting;

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        var attempts = connector.Drain().Where(r => r.Body?["type"]?.ToString() == "message").ToList();
        Assert.True(attempts.Count >= 2, "the throttled reply was sent again");
        Assert.Equal(attempts[0].Body!["text"]?.ToString(), attempts[1].Body!["text"]?.ToString());
        Assert.Equal(Conversation.Conversations.Text("fr-FR", "help"), (string?)attempts[1].Body!["text"]);
    }

    private static HttpClient Client(TimeProvider clock) =>
        new(new BotConnectorRetryHandler(clock, NullLogger<BotConnectorRetryHandler>.Instance) { InnerHandler = new HttpClientHandler() });

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
