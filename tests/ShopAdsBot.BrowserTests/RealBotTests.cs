using static Microsoft.Playwright.Assertions;

namespace ShopAdsBot.BrowserTests;

/// <summary>The page with the real bot: what a seller sees on arrival.</summary>
public class RealBotTests(RealBotFixture fixture) : IClassFixture<RealBotFixture>
{
    [Fact]
    public async Task TheWelcomeCardRendersAsAnAdaptiveCard()
    {
        var (page, requests) = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/");

        var card = page.Locator(".webchat__basic-transcript .ac-adaptiveCard").Filter(new() { Visible = true }).First;
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-welcome.png"), FullPage = true });
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }
}
