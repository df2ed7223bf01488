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

    private static BotHost ThrowingHost() => new() { TestServices = s => s.AddTransient<IBot, ThrowingBot>() };

    private static readonly MenuDefinition Strings = ContentCatalog.Load(ContentCatalog.LocateRoot()).Menu;

    [Theory]
    [InlineData("fr-FR", "fr")]
    [InlineData("en-US", "en")]
    public async Task TheUserIsToldPolitelyInTheirLanguage(string locale, string language)
    {
        using var host = ThrowingHost();
        var body = await host.ExpectRepliesAsync(ActivityJson.Message("bonjour", locale, channelId: "webchat"));

        var message = Assert.Single(body, r => (string?)r["type"] == "message");
        Assert.Equal(Strings.Text("errorMessage", language), (string?)message["text"]);
        Assert.DoesNotContain(body, r => (string?)r["type"] == "trace");
        Assert.DoesNotContain("boom in the bot", body.ToString());
    }

    [Fact]
    public async Task TheEmulatorAlsoGetsATraceWithTheDetails()
    {
        using var host = ThrowingHost();
        var body = await host.ExpectRepliesAsync(ActivityJson.Message("bonjour", channelId: "emulator"));

        var trace = Assert.Single(body, r => (string?)r["type"] == "trace");
        Assert.Equal("OnTurnError Trace", (string?)trace["name"]);
        Assert.Contains("boom in the bot", (string?)trace["value"]);
    }
}
