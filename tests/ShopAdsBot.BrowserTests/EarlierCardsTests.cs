using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ShopAdsBot.BrowserTests.Chat;

namespace ShopAdsBot.BrowserTests;

/// <summary>
/// Direct Line cannot update a clicked card, so the page disables the buttons of every card but the last
/// (js/card-buttons.js); help links stay usable. Clicked through ads-tab-missing as a seller would.
/// </summary>
public class EarlierCardsTests(RealBotFixture fixture) : IClassFixture<RealBotFixture>
{
    private const string Branch = "ads-tab-missing";

    [Fact]
    public async Task OnlyTheLastCardsButtonsStayClickableAndHelpLinksStayOpen()
    {
        var (page, requests) = await OpenAsync(fixture);
        var welcome = CardText(page, SeedContent.MenuString("welcomeTitle", "fr"));
        await ClickAsync(page, SeedContent.GroupTitleOf(Branch, "fr"));
        await ClickAsync(page, SeedContent.FlowTitle(Branch, "fr"));
        var question = CardText(page, SeedContent.Node(Branch, "ask-situation")["text"]!["fr"]!.ToString());
        await Expect(question).ToBeVisibleAsync(Patience);

        // The welcome card is an earlier card now: none of its buttons can be clicked; the question's can.
        await Expect(ChoiceButtons(welcome).First).ToBeDisabledAsync();
        Assert.Equal(0, await EnabledCountAsync(ChoiceButtons(welcome)));
        Assert.Equal(await ChoiceButtons(question).CountAsync(), await EnabledCountAsync(ChoiceButtons(question)));

        await ClickAsync(page, SeedContent.ChoiceTitle(Branch, "ask-situation", "us-shop", "fr"));
        var answer = CardText(page, SeedContent.Node(Branch, "us-menu-path")["title"]!["fr"]!.ToString());
        await Expect(answer).ToBeVisibleAsync(Patience);
        await Expect(ChoiceButtons(question).First).ToBeDisabledAsync();
        await ClickAsync(page, SeedContent.MenuString("no", "fr"));
        var next = (string)SeedContent.Node(Branch, "us-menu-path")["next"]!;
        await Expect(CardText(page, SeedContent.Node(Branch, next)["title"]!["fr"]!.ToString())).ToBeVisibleAsync(Patience);

        // The first remedy is an earlier card: « Oui » / « Non » are disabled, its help links still open their article.
        await Expect(ChoiceButtons(answer).First).ToBeDisabledAsync();
        Assert.Equal(0, await EnabledCountAsync(ChoiceButtons(answer)));
        var helpLink = answer.Locator("button[title^='https://']").First;
        await Expect(helpLink).ToBeEnabledAsync();
        await helpLink.ClickAsync();
        var firstSection = (string)SeedContent.Node(Branch, "us-menu-path")["sections"]![0]!;
        Assert.Equal([SeedContent.HelpSection(firstSection, "fr").Url], await OpenedUrlsAsync(page));

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-earlier-cards.png"), FullPage = true });
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    /// <summary>A card's buttons that answer (Action.Submit, ShowCard), not its help links (their tooltip is their URL).</summary>
    private static ILocator ChoiceButtons(ILocator card) => card.Locator("button.ac-pushButton:not([title^='https://'])");

    private static Task<int> EnabledCountAsync(ILocator buttons) =>
        buttons.EvaluateAllAsync<int>("buttons => buttons.filter(b => !b.disabled).length");
}
