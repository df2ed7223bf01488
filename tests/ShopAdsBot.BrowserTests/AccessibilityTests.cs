using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ShopAdsBot.BrowserTests.Chat;

namespace ShopAdsBot.BrowserTests;

/// <summary>
/// axe-core with the WCAG 2.1 A and AA rules on the bot's page, the chat view and a host page with the widget open,
/// each after a card has been answered (welcome → topic group → branch → a choice → its answer card).
/// </summary>
public class AccessibilityTests(WidgetFixture fixture) : IClassFixture<WidgetFixture>
{
    private const string Branch = "ads-tab-missing";

    /// <summary>Clicks through to an answer card in this chat (the page, or the chat view in the widget's frame).</summary>
    private static async Task AnswerACardAsync(ILocator chat)
    {
        await Expect(CardText(chat, SeedContent.MenuString("welcomeTitle", "fr"))).ToBeVisibleAsync(FirstCardPatience);
        await ClickAsync(chat, SeedContent.GroupTitleOf(Branch, "fr"));
        await ClickAsync(chat, SeedContent.FlowTitle(Branch, "fr"));
        await ClickAsync(chat, SeedContent.ChoiceTitle(Branch, "ask-situation", "us-shop", "fr"));
        await Expect(CardText(chat, SeedContent.Node(Branch, "us-menu-path")["title"]!["fr"]!.ToString())).ToBeVisibleAsync(Patience);
    }

    /// <summary>The bot's page at its usual size, and the chat view at the widget panel's size.</summary>
    [Theory]
    [InlineData("/", 1100, 900, "a11y-page.png")]
    [InlineData("/chat", 380, 640, "a11y-chat-view.png")]
    public async Task TheBotsPagesHaveNoViolation(string path, int width, int height, string screenshot)
    {
        var (page, requests) = await fixture.NewPageAsync(new ViewportSize { Width = width, Height = height });
        await page.GotoAsync(fixture.BaseUrl + path);
        await AnswerACardAsync(page.Locator(":root"));

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath(screenshot) });
        await Axe.AssertNoViolationAsync(page.MainFrame, path);
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task AHostPageWithTheWidgetOpenHasNoViolation()
    {
        var (page, requests) = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.AllowedSite.Page(1));
        await WidgetTests.Launcher(page).ClickAsync();
        await AnswerACardAsync(WidgetTests.ChatView(page));

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("a11y-widget-open.png") });
        await Axe.AssertNoViolationAsync(page.MainFrame, "the host page with the widget open");
        var chatFrame = await (await page.QuerySelectorAsync("#shopadsbot-frame"))!.ContentFrameAsync();
        await Axe.AssertNoViolationAsync(chatFrame!, "the chat view in the widget");
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }
}
