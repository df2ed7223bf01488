using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ShopAdsBot.BrowserTests.Chat;

namespace ShopAdsBot.BrowserTests;

/// <summary>
/// The widget on somebody else's website, as a visitor uses it: the one-line snippet on a page of another origin,
/// the launcher, the chat view in its iframe with the real bot, the conversation following the visitor to the next page.
/// </summary>
public class WidgetTests(WidgetFixture fixture) : IClassFixture<WidgetFixture>
{
    private const string Branch = "ads-tab-missing";

    internal static ILocator Launcher(IPage page) => page.Locator("#shopadsbot-launcher");

    /// <summary>The chat view inside the widget's iframe.</summary>
    internal static ILocator ChatView(IPage page) => page.FrameLocator("#shopadsbot-frame").Locator(":root");

    private static ILocator SendBox(IPage page) => ChatView(page).Locator("[data-id='webchat-sendbox-input']");

    private static int Count(List<string> requests, string pathEnd)
    {
        lock (requests)
        {
            return requests.Count(url => url.EndsWith(pathEnd, StringComparison.Ordinal));
        }
    }

    private static int TokenRequests(List<string> requests) => Count(requests, "/api/webchat/token");

    /// <summary>Conversations begun (directlinejs POSTs /conversations); rejoining one GETs /conversations/{id}.</summary>
    private static int ConversationsStarted(List<string> requests) => Count(requests, "/v3/directline/conversations");

    private static string Question(string node) => SeedContent.Node(Branch, node)["text"]!["fr"]!.ToString();

    [Fact]
    public async Task TheSnippetOpensTheChatAndTheConversationFollowsTheVisitorToTheNextPage()
    {
        var (page, requests) = await fixture.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (refused)
                {
                    refused.Add(message.Text);
                }
            }
        };
        await page.GotoAsync(fixture.AllowedSite.Page(1));

        // Only the launcher until the visitor opens it: no frame, no token, no conversation.
        await Expect(Launcher(page)).ToBeVisibleAsync(Patience);
        await Expect(Launcher(page)).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("#shopadsbot-frame")).ToHaveCountAsync(0);
        Assert.Equal(0, TokenRequests(requests));
        Assert.Equal(0, ConversationsStarted(requests));
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("widget-closed.png") });

        await Launcher(page).ClickAsync();
        await Expect(Launcher(page)).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(CardText(ChatView(page), SeedContent.MenuString("welcomeTitle", "fr"))).ToBeVisibleAsync(FirstCardPatience);

        await SendBox(page).FillAsync("l'onglet annonces n'apparait pas");
        await SendBox(page).PressAsync("Enter");
        await Expect(CardText(ChatView(page), Question("ask-situation"))).ToBeVisibleAsync(Patience);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("widget-open-routed.png") });

        // The next page of the site: the panel reopens by itself with the earlier messages, and the conversation goes on.
        await page.Locator("#other-page").ClickAsync();
        await Expect(page).ToHaveURLAsync(fixture.AllowedSite.Page(2));
        await Expect(Launcher(page)).ToHaveAttributeAsync("aria-expanded", "true", new() { Timeout = 20_000 });
        await Expect(CardText(ChatView(page), SeedContent.MenuString("welcomeTitle", "fr"))).ToBeVisibleAsync(FirstCardPatience);
        await Expect(ChatView(page).Locator(".webchat__bubble--from-user").Filter(new() { HasTextRegex = new(Typographic("l'onglet annonces")), Visible = true }))
            .ToBeVisibleAsync(Patience);
        await Expect(CardText(ChatView(page), Question("ask-situation"))).ToBeVisibleAsync(Patience);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("widget-second-page.png") });

        await ClickAsync(ChatView(page), SeedContent.ChoiceTitle(Branch, "ask-situation", "us-shop", "fr"));
        var answerTitle = SeedContent.Node(Branch, "us-menu-path")["title"]!["fr"]!.ToString();
        await Expect(CardText(ChatView(page), answerTitle)).ToBeVisibleAsync(Patience);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("widget-second-page-continued.png") });

        // One conversation for the whole visit, and a reload keeps it too.
        Assert.Equal(1, ConversationsStarted(requests));
        await page.ReloadAsync();
        await Expect(CardText(ChatView(page), answerTitle)).ToBeVisibleAsync(FirstCardPatience);
        await Expect(CardText(ChatView(page), Question("ask-situation"))).ToBeVisibleAsync(Patience);
        Assert.Equal(1, ConversationsStarted(requests));
        WebChatPageTests.AssertNothingLeftTheMachine(requests);

        // The chat works under its CSP (no inline script, no eval): the browser refused nothing.
        lock (refused)
        {
            Assert.Empty(refused);
        }
    }

    [Fact]
    public async Task NewConversationStartsOverWithTheWelcomeCard()
    {
        var (page, requests) = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.AllowedSite.Page(1));
        await Launcher(page).ClickAsync();
        await Expect(CardText(ChatView(page), SeedContent.MenuString("welcomeTitle", "fr"))).ToBeVisibleAsync(FirstCardPatience);
        await SendBox(page).FillAsync("l'onglet annonces n'apparait pas");
        await SendBox(page).PressAsync("Enter");
        await Expect(CardText(ChatView(page), Question("ask-situation"))).ToBeVisibleAsync(Patience);

        await ChatView(page).Locator("#new-conversation").ClickAsync();
        await Expect(CardText(ChatView(page), SeedContent.MenuString("welcomeTitle", "fr"))).ToBeVisibleAsync(FirstCardPatience);
        await Expect(CardText(ChatView(page), Question("ask-situation"))).ToHaveCountAsync(0);
        Assert.Equal(2, ConversationsStarted(requests));

        // The new conversation is the one that follows the visitor.
        await ChatView(page).Locator("[data-id='webchat-sendbox-input']").FillAsync("menu");
        await ChatView(page).Locator("[data-id='webchat-sendbox-input']").PressAsync("Enter");
        await Expect(CardText(ChatView(page), SeedContent.MenuString("menuTitle", "fr"))).ToBeVisibleAsync(Patience);
        await page.Locator("#other-page").ClickAsync();
        await Expect(CardText(ChatView(page), SeedContent.MenuString("menuTitle", "fr"))).ToBeVisibleAsync(FirstCardPatience);
        await Expect(CardText(ChatView(page), Question("ask-situation"))).ToHaveCountAsync(0);
        Assert.Equal(2, ConversationsStarted(requests));
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task TheSnippetsOptionsOpenThePanelOnTheLeftInEnglish()
    {
        var (page, requests) = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.OptionsSite.Page(1));

        // data-open="true": open without a click; data-lang="en": an English conversation; data-position="left".
        await Expect(Launcher(page)).ToHaveAttributeAsync("aria-expanded", "true", new() { Timeout = 20_000 });
        await Expect(Launcher(page)).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Chat with ShopAdsBot"));
        await Expect(CardText(ChatView(page), SeedContent.MenuString("welcomeTitle", "en"))).ToBeVisibleAsync(FirstCardPatience);
        var launcher = await Launcher(page).BoundingBoxAsync();
        var panel = await page.Locator("#shopadsbot-frame").BoundingBoxAsync();
        Assert.True(launcher!.X < 100 && panel!.X < 100, $"launcher at x={launcher.X}, panel at x={panel?.X}");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("widget-options-left-en.png") });

        // Closed by the visitor, it stays closed on the next page despite data-open.
        await Launcher(page).ClickAsync();
        await page.Locator("#other-page").ClickAsync();
        await Expect(Launcher(page)).ToBeVisibleAsync();
        await Expect(Launcher(page)).ToHaveAttributeAsync("aria-expanded", "false");
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task ASiteNotInAllowedOriginsCannotShowTheChat()
    {
        var (page, requests) = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.OtherSite.Page(1));
        var chatView = await page.RunAndWaitForResponseAsync(
            () => Launcher(page).ClickAsync(), response => response.Url.StartsWith(fixture.BaseUrl + "/chat", StringComparison.Ordinal));
        await Expect(page.Locator("#shopadsbot-frame")).ToHaveCountAsync(1);

        // The chat view answered, but its frame-ancestors name only the bot and the allowed site: chromium refuses to show it.
        var csp = await chatView.HeaderValueAsync("content-security-policy");
        Assert.Contains("frame-ancestors 'self' " + fixture.AllowedSite.Origin, csp);
        Assert.DoesNotContain(fixture.OtherSite.Origin, csp);
        var frame = await (await page.QuerySelectorAsync("#shopadsbot-frame"))!.ContentFrameAsync();
        await frame!.WaitForURLAsync(new System.Text.RegularExpressions.Regex("^chrome-error:"), new() { Timeout = 20_000 });
        Assert.Equal(0, await frame.Locator("#webchat").CountAsync());
        Assert.Equal(0, TokenRequests(requests));
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("widget-not-allowed.png") });
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task TheWidgetWorksWithTheKeyboardAlone()
    {
        var (page, requests) = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.AllowedSite.Page(1));
        await Expect(Launcher(page)).ToBeVisibleAsync(Patience);

        // Tab until the launcher has the focus (the page's own link comes first).
        for (var i = 0; i < 10 && !await Launcher(page).EvaluateAsync<bool>("l => l === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(Launcher(page)).ToBeFocusedAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("widget-keyboard-focus.png") });

        // Enter opens the panel and puts the focus in the send box: the visitor types at once.
        await page.Keyboard.PressAsync("Enter");
        await Expect(CardText(ChatView(page), SeedContent.MenuString("welcomeTitle", "fr"))).ToBeVisibleAsync(FirstCardPatience);
        await Expect(SendBox(page)).ToBeFocusedAsync(new() { Timeout = 20_000 });
        await page.Keyboard.TypeAsync("menu");
        await page.Keyboard.PressAsync("Enter");
        await Expect(CardText(ChatView(page), SeedContent.MenuString("menuTitle", "fr"))).ToBeVisibleAsync(Patience);

        // Escape inside the chat closes the panel and gives the focus back to the launcher.
        await page.Keyboard.PressAsync("Escape");
        await Expect(Launcher(page)).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("#shopadsbot-frame")).ToBeHiddenAsync();
        await Expect(Launcher(page)).ToBeFocusedAsync();

        // Enter opens it again (same conversation), Escape from the host page closes it.
        await page.Keyboard.PressAsync("Enter");
        await Expect(CardText(ChatView(page), SeedContent.MenuString("menuTitle", "fr"))).ToBeVisibleAsync(Patience);
        await Launcher(page).FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#shopadsbot-frame")).ToBeHiddenAsync();
        Assert.Equal(1, ConversationsStarted(requests));
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task OnAPhoneThePanelFillsTheScreenAndClosesFromItsHeader()
    {
        var viewport = new ViewportSize { Width = 390, Height = 844 };
        var (page, requests) = await fixture.NewPageAsync(viewport);
        await page.GotoAsync(fixture.AllowedSite.Page(1));
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("widget-phone-closed.png") });

        await Launcher(page).ClickAsync();
        await Expect(CardText(ChatView(page), SeedContent.MenuString("welcomeTitle", "fr"))).ToBeVisibleAsync(FirstCardPatience);
        var box = await page.Locator("#shopadsbot-frame").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.Equal((0f, 0f, viewport.Width, viewport.Height), (box.X, box.Y, box.Width, box.Height));
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("widget-phone-open.png") });

        await ChatView(page).Locator("#close-chat").ClickAsync();
        await Expect(page.Locator("#shopadsbot-frame")).ToBeHiddenAsync();
        await Expect(Launcher(page)).ToBeVisibleAsync();
        await Expect(Launcher(page)).ToHaveAttributeAsync("aria-expanded", "false");
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }
}
