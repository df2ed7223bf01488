using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Hosting;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Hosting;

/// <summary>
/// With MicrosoftAppId set (deployed), authentication fails closed, proven with real tokens signed by a local key
/// that the SDK's validation fetches from a local OpenID metadata endpoint: a valid token is served, every kind of
/// bad token is 401, and signing keys that cannot be fetched are 503 with Retry-After, logged once a minute.
/// </summary>
public sealed class AuthenticationTests(LocalOpenIdMetadata openId) : IClassFixture<LocalOpenIdMetadata>, IDisposable
{
    private readonly List<BotHost> hosts = [];

    public void Dispose() => hosts.ForEach(h => h.Dispose());

    private BotHost Host(string metadataUrl, Action<IServiceCollection>? services = null)
    {
        var host = new BotHost { HostEnvironment = "Production", Settings = openId.BotSettings(metadataUrl), TestServices = services };
        hosts.Add(host);
        return host;
    }

    private static async Task<HttpResponseMessage> PostAsync(BotHost host, string? authorization)
    {
        var activity = ActivityJson.Message("menu", serviceUrl: LocalOpenIdMetadata.ServiceUrl, conversationId: "auth-" + Guid.NewGuid().ToString("N"));
        activity["deliveryMode"] = "expectReplies";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization != null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await host.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task AValidChannelTokenIsServed()
    {
        var response = await PostAsync(Host(openId.MetadataUrl), "Bearer " + openId.Token());

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.NotEmpty((JArray)JObject.Parse(body)["activities"]!);
    }

    public enum Forgery
    {
        NoHeader, NotABearer, Malformed, UnsignedLookalike, WrongIssuer, WrongAudience, Expired, UnknownSigningKey, BadSignature,
    }

    [Theory]
    [InlineData(Forgery.NoHeader)]
    [InlineData(Forgery.NotABearer)]
    [InlineData(Forgery.Malformed)]
    [InlineData(Forgery.UnsignedLookalike)]
    [InlineData(Forgery.WrongIssuer)]
    [InlineData(Forgery.WrongAudience)]
    [InlineData(Forgery.Expired)]
    [InlineData(Forgery.UnknownSigningKey)]
    [InlineData(Forgery.BadSignature)]
    public async Task EveryRequestWithoutAValidTokenGets401(Forgery forgery)
    {
        using var otherKey = RSA.Create(2048);
        var authorization = forgery switch
        {
            Forgery.NoHeader => null,
            Forgery.NotABearer => "Basic " + Convert.ToBase64String("user:pass"u8),
            Forgery.Malformed => "Bearer not-a-jwt",
            Forgery.UnsignedLookalike => "Bearer eyJhbGciOiJub25lIn0." + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode($"{{\"iss\":\"{LocalOpenIdMetadata.Issuer}\",\"aud\":\"{LocalOpenIdMetadata.AppId}\"}}") + ".",
            Forgery.WrongIssuer => "Bearer " + openId.Token(issuer: "https://sts.example.com"),
            Forgery.WrongAudience => "Bearer " + openId.Token(audience: "11111111-1111-1111-1111-111111111111"),
            Forgery.Expired => "Bearer " + openId.Token(expires: DateTime.UtcNow.AddHours(-1)),
            Forgery.UnknownSigningKey => "Bearer " + openId.Token(signWith: otherKey, keyId: "not-published"),
            Forgery.BadSignature => "Bearer " + openId.Token(signWith: otherKey), // the published key's id, another key's signature
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        var response = await PostAsync(Host(openId.MetadataUrl), authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("bearer token", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenTheSigningKeysCannotBeFetchedTheAnswerIs503WithRetryAfterLoggedOnceAMinute()
    {
        var logs = new LogRecorder();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-05T09:00:00Z"));
        var host = Host(openId.BrokenMetadataUrl, s => s.AddSingleton<TimeProvider>(time).AddSingleton<ILoggerProvider>(logs));
        int Reports() => logs.Entries.Count(e => e.Category == typeof(AuthenticationFailures).FullName && e.Level == LogLevel.Error);

        for (var i = 0; i < 3; i++)
        {
            var response = await PostAsync(host, "Bearer " + openId.Token());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(AuthenticationFailures.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        }
        Assert.Equal(1, Reports());

        time.Advance(AuthenticationFailures.ReportInterval - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostAsync(host, "Bearer " + openId.Token())).StatusCode);
        Assert.Equal(1, Reports());

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostAsync(host, "Bearer " + openId.Token())).StatusCode);
        Assert.Equal(2, Reports());
        Assert.Equal(3, logs.Entries.Last(e => e.Category == typeof(AuthenticationFailures).FullName).State["Unreported"]);
    }
}
