using static Microsoft.Playwright.Assertions;
using static ShopAdsBot.BrowserTests.Chat;

namespace ShopAdsBot.BrowserTests;

/// <summary>
/// Cards changed by the content review of issue 13, reached by clicking as a seller would, in French and English: each
/// shows its title and a help button per section, titled as the catalog titles the page it opens. Screenshots in
/// tests/artifacts/. And the seller's own language: English typed on the French page gets English cards.
/// </summary>
public class ContentPass3CardTests(RealBotFixture fixture) : IClassFixture<RealBotFixture>
{
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task TheLegacyCampaignsAnswerNamesWhatItsButtonsOpen(string lang)
    {
        var (page, requests) = await ChooseAsync("create-ad", "ask-goal", "legacy-format", lang);
        await AssertAnswerAsync(page, "create-ad", "legacy-campaigns", lang);
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task TheTikTokAccountsAnswerShowsItsEnglishLabelsWithTheirNote(string lang)
    {
        var (page, requests) = await ChooseAsync("account-management", "ask-action", "tiktok-account", lang);
        await AssertAnswerAsync(page, "account-management", "tiktok-accounts", lang);
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task NotSureAboutUnderperformanceAsksForTheBidStrategyFirst(string lang)
    {
        var (page, requests) = await ChooseAsync("underperforming", "ask-symptom", "not-sure", lang);
        var question = SeedContent.Node("underperforming", "ask-bid-strategy")["text"]![lang]!.ToString();
        await Expect(CardText(page, question)).ToBeVisibleAsync(Patience);
        await ScreenshotAsync(Activity(page, question), $"card-ask-bid-strategy-{lang}.png");
        await ClickAsync(page, SeedContent.ChoiceTitle("underperforming", "ask-bid-strategy", "cost-cap", lang));
        await AssertAnswerAsync(page, "underperforming", "cost-cap-low-bid", lang);
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task EnglishTypedOnTheFrenchPageIsAnsweredInEnglish()
    {
        var (page, requests) = await OpenAsync(fixture, "fr");
        await SendAsync(page, "my ad got rejected what do i do");

        var question = SeedContent.Node("ad-rejected", "ask-situation")["text"]!["en"]!.ToString();
        await Expect(CardText(page, question)).ToBeVisibleAsync(Patience);
        await ClickAsync(page, SeedContent.ChoiceTitle("ad-rejected", "ask-situation", "appeal-now", "en"));
        await AssertAnswerAsync(page, "ad-rejected", "one-click-appeal", "en");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("webchat-typed-english-on-french-page.png") });
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    /// <summary>Welcome → the flow's group → the flow → one choice of its first question, as a seller clicks.</summary>
    private async Task<(Microsoft.Playwright.IPage Page, List<string> Requests)> ChooseAsync(string flow, string question, string choice, string lang)
    {
        var (page, requests) = await OpenAsync(fixture, lang);
        await ClickAsync(page, SeedContent.GroupTitleOf(flow, lang));
        await ClickAsync(page, SeedContent.FlowTitle(flow, lang));
        await ClickAsync(page, SeedContent.ChoiceTitle(flow, question, choice, lang));
        return (page, requests);
    }

    private static async Task AssertAnswerAsync(Microsoft.Playwright.IPage page, string flow, string node, string lang)
    {
        var title = SeedContent.Node(flow, node)["title"]![lang]!.ToString();
        await Expect(CardText(page, title)).ToBeVisibleAsync(Patience);
        foreach (var id in SeedContent.Node(flow, node)["sections"]!.AsArray().Select(s => (string)s!))
        {
            await Expect(CardButton(page, SeedContent.HelpSection(id, lang).Title)).ToBeVisibleAsync();
        }
        await ScreenshotAsync(Activity(page, title), $"card-{node}-{lang}.png");
    }
}
