using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ShopAdsBot.BrowserTests;

/// <summary>The page with the real bot: what a seller sees and does.</summary>
public class RealBotTests(RealBotFixture fixture) : IClassFixture<RealBotFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patience = new() { Timeout = 20_000 };

    /// <summary>A visible card button. Adaptive Cards in Web Chat also keep hidden copies (ShowCard bodies, overflow): skip them.</summary>
    private static ILocator CardButton(IPage page, string title) =>
        page.Locator(".webchat__basic-transcript .ac-pushButton").Filter(new() { HasText = title, Visible = true }).Last;

    private static ILocator CardText(IPage page, string text) =>
        page.Locator(".webchat__basic-transcript .ac-adaptiveCard").Filter(new() { HasText = text, Visible = true }).Last;

    private async Task<(IPage Page, List<string> Requests)> OpenAsync()
    {
        var (page, requests) = await fixture.NewPageAsync();
        // Record Action.OpenUrl targets instead of opening them: nothing may leave the machine.
        await page.AddInitScriptAsync("window.__opened = []; window.open = function (url) { window.__opened.push(String(url)); return null; };");
        await page.GotoAsync(fixture.BaseUrl + "/");
        return (page, requests);
    }

    [Fact]
    public async Task TheWelcomeCardRendersWithTheMenu()
    {
        var (page, requests) = await OpenAsync();

        await Expect(CardText(page, "TikTok Shop Ads")).ToBeVisibleAsync(Patience);
        await Expect(CardButton(page, "Démarrer avec les Shop Ads")).ToBeVisibleAsync();

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-welcome.png"), FullPage = true });
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task TypingAQuestionBringsTheRoutedBranch()
    {
        var (page, requests) = await OpenAsync();
        await Expect(CardText(page, "TikTok Shop Ads")).ToBeVisibleAsync(Patience);

        var sendBox = WebChatPageTests.SendBox(page);
        await sendBox.FillAsync("l'onglet annonces n'apparait pas");
        await sendBox.PressAsync("Enter");

        await Expect(CardText(page, "Quelle situation correspond à la vôtre ?")).ToBeVisibleAsync(Patience);
        await Expect(CardButton(page, "Ma boutique est aux États-Unis")).ToBeVisibleAsync();

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-routed.png"), FullPage = true });
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task ClickingAMenuButtonBringsThatBranchsCard()
    {
        var (page, requests) = await OpenAsync();
        await CardButton(page, "Démarrer avec les Shop Ads").ClickAsync(new() { Timeout = 20_000 });
        await CardButton(page, "Connecter ma boutique TikTok Shop à mon compte publicitaire").ClickAsync();

        // The branch's first question (dialogs/connect-shop.json), in a new card with its choices.
        await Expect(CardText(page, "Avez-vous déjà une boutique TikTok Shop ?")).ToBeVisibleAsync(Patience);

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-menu-click.png"), FullPage = true });
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task TheEnglishSwitchMakesTheBotSpeakEnglish()
    {
        var (page, requests) = await OpenAsync();
        await Expect(CardText(page, "Bonjour")).ToBeVisibleAsync(Patience);

        await page.Locator("#lang-en").ClickAsync();
        await Expect(CardText(page, "Hello")).ToBeVisibleAsync(Patience);
        await Expect(WebChatPageTests.SendBox(page)).ToHaveAttributeAsync("placeholder", "Type your message");

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-real-english.png"), FullPage = true });
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }
}
