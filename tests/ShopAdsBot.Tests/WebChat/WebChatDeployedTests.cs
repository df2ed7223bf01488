using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Channels.WebChat;

namespace ShopAdsBot.Tests.WebChat;

/// <summary>
/// Production: the page's token comes from exchanging the Direct Line secret with Azure Bot Service (here a fake
/// Direct Line service behind the named HttpClient), and the local Direct Line is off.
/// </summary>
public class WebChatDeployedTests
{
    private const string Secret = "S3cr3t-DirectLine-Value-For-Tests";
    private const string Endpoint = "https://directline.example.test/v3/directline";

    /// <summary>A fake Azure Direct Line: records what it was sent and answers like tokens/generate.</summary>
    private sealed class FakeDirectLineService(HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, string Body)> Calls { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Calls.Add((request, body));
            var answer = status == HttpStatusCode.OK
                ? "{\"conversationId\":\"AZ-CONV-1\",\"token\":\"azure-token-xyz\",\"expires_in\":1800}"
                : "{\"error\":{\"code\":\"BadArgument\",\"message\":\"secret " + Secret + " rejected\"}}";
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }

    private static WebChatHost ProductionHost(FakeDirectLineService fake, bool withSecret = true) => new(
        "Production",
        new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = withSecret ? Secret : "",
            ["DirectLine:Endpoint"] = Endpoint,
        },
        services => services.AddHttpClient(WebChatTokenEndpoint.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => fake));

    [Fact]
    public async Task TheSecretIsExchangedServerSideForAConversationToken()
    {
        var fake = new FakeDirectLineService();
        using var host = ProductionHost(fake);

        var response = await host.CreateClient().PostAsync("/api/webchat/token", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var (request, sent) = Assert.Single(fake.Calls);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(Endpoint + "/tokens/generate", request.RequestUri!.ToString());
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal(Secret, request.Headers.Authorization.Parameter);
        var user = (string?)JObject.Parse(sent)["user"]!["id"];
        Assert.StartsWith("dl_", user);

        var connection = JObject.Parse(body);
        Assert.Equal("azure-token-xyz", (string?)connection["token"]);
        Assert.Equal("AZ-CONV-1", (string?)connection["conversationId"]);
        Assert.Equal(Endpoint, (string?)connection["domain"]);
        Assert.Equal(user, (string?)connection["userId"]);
        Assert.Equal("azure", (string?)connection["mode"]);
        Assert.DoesNotContain(Secret, body);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task AnAzureTicketRejoinsItsConversationWithARefreshedToken()
    {
        var fake = new FakeDirectLineService();
        using var host = ProductionHost(fake);
        var client = host.CreateClient();
        var first = JObject.Parse(await (await client.PostAsync("/api/webchat/token", null)).Content.ReadAsStringAsync());
        var ticket = (string)first["resume"]!;
        Assert.DoesNotContain("azure-token-xyz", ticket);

        var response = await client.PostAsync("/api/webchat/token", new StringContent(new JObject { ["resume"] = ticket }.ToString(), Encoding.UTF8, "application/json"));
        var resumed = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.True((bool)resumed["resumed"]!);
        Assert.Equal("AZ-CONV-1", (string?)resumed["conversationId"]);
        Assert.Equal(first["userId"], resumed["userId"]);

        // The refresh used the conversation's token, not the secret.
        Assert.Equal(2, fake.Calls.Count);
        var (refresh, _) = fake.Calls[1];
        Assert.Equal(Endpoint + "/tokens/refresh", refresh.RequestUri!.ToString());
        Assert.Equal("azure-token-xyz", refresh.Headers.Authorization!.Parameter);
    }

    [Fact]
    public async Task TheSecretIsNeitherInThePageNorInItsScripts()
    {
        var fake = new FakeDirectLineService();
        using var host = ProductionHost(fake);
        var client = host.CreateClient();

        foreach (var path in new[] { "/", "/chat", "/widget.js", "/js/webchat-page.js", "/js/chat-view.js", "/js/chat/conversation.js", "/js/chat/chat-app.js", "/css/site.css" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AFailingDirectLineServiceGives502WithoutLeakingItsAnswer()
    {
        var fake = new FakeDirectLineService(HttpStatusCode.Forbidden);
        using var host = ProductionHost(fake);

        var response = await host.CreateClient().PostAsync("/api/webchat/token", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain("rejected", body);
    }

    [Fact]
    public async Task WithoutASecretTheTokenEndpointSaysWebChatIsNotConfigured()
    {
        var fake = new FakeDirectLineService();
        using var host = ProductionHost(fake, withSecret: false);

        var response = await host.CreateClient().PostAsync("/api/webchat/token", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("DirectLine:Secret", await response.Content.ReadAsStringAsync());
        Assert.Empty(fake.Calls);
    }

    [Theory]
    [InlineData("POST", "/v3/directline/conversations")]
    [InlineData("GET", "/v3/directline/conversations/abc")]
    [InlineData("POST", "/v3/directline/conversations/abc/activities")]
    [InlineData("GET", "/v3/directline/conversations/abc/activities?watermark=0")]
    [InlineData("POST", "/v3/directline/tokens/refresh")]
    public async Task InProductionTheLocalDirectLineAnswers404(string method, string path)
    {
        using var host = ProductionHost(new FakeDirectLineService());
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", "anything");

        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task InProductionASettingTurnsTheLocalDirectLineOn()
    {
        using var host = WebChatHost.WithEchoBot(new Dictionary<string, string?> { ["DirectLine:EnableLocal"] = "true" }, environment: "Production");
        var session = await host.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await session.PostMessageAsync("salut")).StatusCode);
    }

    [Fact]
    public async Task InDevelopmentASettingTurnsTheLocalDirectLineOff()
    {
        using var host = WebChatHost.WithEchoBot(new Dictionary<string, string?> { ["DirectLine:EnableLocal"] = "false" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new("Bearer", "anything");

        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().SendAsync(request)).StatusCode);
    }
}
