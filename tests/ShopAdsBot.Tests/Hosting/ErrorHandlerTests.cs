using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using ShopAdsBot.Content;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Hosting;

/// <summary>An exception in a turn: the user is told in their language, the Emulator gets the details, HTTP says 200.</summary>
public class ErrorHandlerTests
{
    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("boom in the bot");
    }

    private sealed class ThrowingHost : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureTestServices(services => services.AddTransient<IBot, ThrowingBot>());
        }
    }

    private static readonly MenuDefinition Strings = ContentCatalog.Load(ContentCatalog.LocateRoot()).Menu;

    [Theory]
    [InlineData("fr-FR", "fr")]
    [InlineData("en-US", "en")]
    public async Task TheUserIsToldPolitelyInTheirLanguage(string locale, string language)
    {
        using var host = new ThrowingHost();
        var body = await ExpectRepliesAsync(host, ActivityJson.Message("bonjour", locale, channelId: "webchat"));

        var message = Assert.Single(body, r => (string?)r["type"] == "message");
        Assert.Equal(Strings.Text("errorMessage", language), (string?)message["text"]);
        Assert.DoesNotContain(body, r => (string?)r["type"] == "trace");
        Assert.DoesNotContain("boom in the bot", body.ToString());
    }

    [Fact]
    public async Task TheEmulatorAlsoGetsATraceWithTheDetails()
    {
        using var host = new ThrowingHost();
        var body = await ExpectRepliesAsync(host, ActivityJson.Message("bonjour", channelId: "emulator"));

        var trace = Assert.Single(body, r => (string?)r["type"] == "trace");
        Assert.Equal("OnTurnError Trace", (string?)trace["name"]);
        Assert.Contains("boom in the bot", (string?)trace["value"]);
    }

    private static async Task<Newtonsoft.Json.Linq.JArray> ExpectRepliesAsync(WebApplicationFactory<Program> host, Newtonsoft.Json.Linq.JObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        var response = await host.CreateClient().PostAsync("/api/messages",
            new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return (Newtonsoft.Json.Linq.JArray)Newtonsoft.Json.Linq.JObject.Parse(text)["activities"]!;
    }
}
