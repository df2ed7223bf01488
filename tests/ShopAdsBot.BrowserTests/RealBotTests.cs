using static Microsoft.Playwright.Assertions;
using static ShopAdsBot.BrowserTests.Chat;

namespace ShopAdsBot.BrowserTests;

/// <summary>The page with the real bot: what a seller sees and does.</summary>
public class RealBotTests(RealBotFixture fixture) : IClassFixture<RealBotFixture>
{
    [Fact]
    public async Task TheWelcomeCardRendersWithTheMenu()
    {
        var (page, requests) = await OpenAsync(fixture);

        await Expect(CardText(page, "TikTok Shop Ads")).ToBeVisibleAsync(Patience);
        await Expect(CardButton(page, SeedContent.GroupTitleOf("connect-shop", "fr"))).ToBeVisibleAsync();

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-welcome.png") });
        await ScreenshotAsync(Activity(page, SeedContent.MenuString("welcomeTitle", "fr")), "card-welcome-fr.png");
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task TypingAQuestionBringsTheRoutedBranch()
    {
        var (page, requests) = await OpenAsync(fixture);

        await SendAsync(page, "l'onglet annonces n'apparait pas");

        var question = SeedContent.Node("ads-tab-missing", "ask-situation")["text"]!["fr"]!.ToString();
        await Expect(CardText(page, question)).ToBeVisibleAsync(Patience);
        await Expect(CardButton(page, SeedContent.ChoiceTitle("ads-tab-missing", "ask-situation", "us-shop", "fr"))).ToBeVisibleAsync();

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-routed.png") });
        await ScreenshotAsync(Activity(page, question), "card-question-fr.png");
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task ClickingAMenuButtonBringsThatBranchsCard()
    {
        var (page, requests) = await OpenAsync(fixture);
        await ClickAsync(page, SeedContent.GroupTitleOf("connect-shop", "fr"));
        await ClickAsync(page, SeedContent.FlowTitle("connect-shop", "fr"));

        // The branch's first question, in a new card with its choices.
        var flow = SeedContent.Flow("connect-shop");
        var start = SeedContent.Node("connect-shop", (string)flow["start"]!);
        await Expect(CardText(page, start["text"]!["fr"]!.ToString())).ToBeVisibleAsync(Patience);

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-menu-click.png") });
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task TheEnglishSwitchMakesTheBotSpeakEnglish()
    {
        var (page, requests) = await OpenAsync(fixture);

        await page.Locator("#lang-en").ClickAsync();
        await Expect(CardText(page, SeedContent.MenuString("welcomeTitle", "en"))).ToBeVisibleAsync(Patience);
        await Expect(WebChatPageTests.SendBox(page)).ToHaveAttributeAsync("placeholder", "Type your message");

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-real-english.png") });
        await ScreenshotAsync(Activity(page, SeedContent.MenuString("welcomeTitle", "en")), "card-welcome-en.png");
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task TypingMenuShowsTheMenuAndAVagueWordShowsDidYouMean(string lang)
    {
        var (page, requests) = await OpenAsync(fixture, lang);

        await SendAsync(page, "menu");
        var menuTitle = SeedContent.MenuString("menuTitle", lang);
        await Expect(CardText(page, menuTitle)).ToBeVisibleAsync(Patience);
        // The menu lists every branch as a button.
        await Expect(CardButton(page, SeedContent.FlowTitle("underperforming", lang))).ToBeVisibleAsync();
        await ScreenshotAsync(Activity(page, menuTitle), $"card-menu-{lang}.png");

        // One word is too little to start a branch on: the best three are offered.
        await SendAsync(page, lang == "fr" ? "pub" : "ads");
        var didYouMean = SeedContent.MenuString("didYouMeanTitle", lang);
        await Expect(CardText(page, didYouMean)).ToBeVisibleAsync(Patience);
        await Expect(CardButton(page, SeedContent.MenuString("noneOfThese", lang))).ToBeVisibleAsync();
        await ScreenshotAsync(Activity(page, didYouMean), $"card-suggestions-{lang}.png");

        // Two close branches: one short question with the two choices; a click starts the one chosen. The message is the
        // routing tests' case (the Business Center errors); "campagne" was used here until pass 9's data made it a
        // « Vouliez-vous dire… ? » with three topics.
        await SendAsync(page, lang == "fr" ? "erreur business center" : "business center error");
        var clarify = SeedContent.MenuString("clarifyTitle", lang);
        await Expect(CardText(page, clarify)).ToBeVisibleAsync(Patience);
        await ScreenshotAsync(Activity(page, clarify), $"card-clarify-{lang}.png");
        await ClickAsync(page, SeedContent.FlowTitle("bc-access-required", lang));
        await Expect(CardText(page, SeedContent.StartText("bc-access-required", lang))).ToBeVisibleAsync(Patience);
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }
}
