using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ShopAdsBot.BrowserTests;

/// <summary>The page and the real Web Chat, over the local Direct Line, with a bot whose replies are known.</summary>
public class WebChatPageTests(EchoBotFixture fixture) : IClassFixture<EchoBotFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>A message bubble with this text. Web Chat also renders hidden copies for screen readers: keep the visible one.</summary>
    internal static ILocator Bubble(IPage page, string text) =>
        page.Locator(".webchat__bubble__content").Filter(new LocatorFilterOptions { HasText = text, Visible = true });

    internal static ILocator SendBox(IPage page) => page.Locator("[data-id='webchat-sendbox-input']");

    internal static void AssertNothingLeftTheMachine(IEnumerable<string> requests)
    {
        string[] snapshot;
        lock (requests)
        {
            snapshot = requests.ToArray();
        }

        Assert.NotEmpty(snapshot);
        foreach (var url in snapshot)
        {
            Assert.True(BrowserFixture.IsLocal(url), $"A request left the machine: {url}");
        }
    }

    [Fact]
    public async Task ThePageLoadsAndAMessageRoundTripsThroughTheLocalDirectLine()
    {
        var (page, requests) = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/");

        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^ShopAdsBot"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("ShopAdsBot");
        await Expect(Bubble(page, "welcome fr-FR")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });

        await SendBox(page).FillAsync("bonjour");
        await SendBox(page).PressAsync("Enter");
        await Expect(Bubble(page, "echo bonjour fr-FR")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        // The user's own message shows as sent (the echo with its clientActivityID came back), in a user bubble.
        await Expect(page.Locator(".webchat__bubble--from-user .webchat__bubble__content").Filter(new() { HasText = "bonjour", Visible = true }))
            .ToBeVisibleAsync();

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-roundtrip.png"), FullPage = true });
        AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task TheEnglishSwitchStartsAnEnglishConversationAndSendsEnglishActivities()
    {
        var (page, requests) = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/");
        await Expect(Bubble(page, "welcome fr-FR")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });

        await page.Locator("#lang-en").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#lang-en")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Bubble(page, "welcome en-US")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        // A new conversation: the French transcript is gone.
        await Expect(Bubble(page, "welcome fr-FR")).ToHaveCountAsync(0);

        await SendBox(page).FillAsync("hello");
        await SendBox(page).PressAsync("Enter");
        await Expect(Bubble(page, "echo hello en-US")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-english.png"), FullPage = true });
        AssertNothingLeftTheMachine(requests);
    }
}
