using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ShopAdsBot.BrowserTests.Chat;

namespace ShopAdsBot.BrowserTests;

/// <summary>
/// An answer card, reached by clicking through a branch as a seller would: welcome → group « Accès… » →
/// « L'onglet « Annonces » n'apparaît pas » → « Ma boutique est aux États-Unis » → the remedy, its help buttons, Oui / Non.
/// Labels, titles and URLs are read from dialogs/ads-tab-missing.json and seeds/help-sections.json.
/// </summary>
public class AnswerCardTests(RealBotFixture fixture) : IClassFixture<RealBotFixture>
{
    private const string Branch = "ads-tab-missing";
    private const string Answer = "us-menu-path";

    private static string AnswerTitle(string lang) => SeedContent.Node(Branch, Answer)["title"]![lang]!.ToString();

    private async Task<(IPage Page, List<string> Requests)> OpenTheAnswerAsync(string lang)
    {
        var (page, requests) = await OpenAsync(fixture, lang);
        await ClickAsync(page, SeedContent.GroupTitleOf(Branch, lang));
        await ClickAsync(page, SeedContent.FlowTitle(Branch, lang));
        await ClickAsync(page, SeedContent.ChoiceTitle(Branch, "ask-situation", "us-shop", lang));
        await Expect(CardText(page, AnswerTitle(lang))).ToBeVisibleAsync(Patience);
        return (page, requests);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task AHelpButtonOpensTheCatalogUrlOfItsSectionInThePageLanguage(string lang)
    {
        var (page, requests) = await OpenTheAnswerAsync(lang);
        await ScreenshotAsync(Activity(page, AnswerTitle(lang)), $"card-answer-{lang}.png");

        // Every help section of the node has its button; each opens that section's URL for this language.
        var sections = SeedContent.Node(Branch, Answer)["sections"]!.AsArray().Select(s => (string)s!).ToList();
        Assert.NotEmpty(sections);
        var expected = new List<string>();
        foreach (var id in sections)
        {
            var (title, url) = SeedContent.HelpSection(id, lang);
            await ClickAsync(page, title);
            expected.Add(url);
        }

        Assert.Equal(expected, await OpenedUrlsAsync(page));
        // The French catalog points at French articles, the English one at English ones (where the catalog has both).
        var troubleshooting = SeedContent.HelpSection("shop-ads-troubleshooting", lang).Url;
        Assert.Contains(troubleshooting, expected);
        Assert.EndsWith("lang=" + lang, troubleshooting);
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task OuiEndsWithAWarmClosingAndTheMenu()
    {
        var (page, requests) = await OpenTheAnswerAsync("fr");

        await ClickAsync(page, SeedContent.MenuString("yes", "fr"));
        var thanks = SeedContent.MenuString("resolvedThanks", "fr");
        await Expect(CardText(page, thanks)).ToBeVisibleAsync(Patience);
        await ScreenshotAsync(Activity(page, thanks), "card-resolved-fr.png");

        // Its « Retour au menu » button brings the main menu.
        await ClickAsync(page, SeedContent.MenuString("backToMenu", "fr"));
        await Expect(CardText(page, SeedContent.MenuString("menuTitle", "fr"))).ToBeVisibleAsync(Patience);
        await Expect(CardButton(page, SeedContent.FlowTitle(Branch, "fr"))).ToBeVisibleAsync();
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }

    [Fact]
    public async Task NonBringsTheNextRemedy()
    {
        var (page, requests) = await OpenTheAnswerAsync("en");

        await ClickAsync(page, SeedContent.MenuString("no", "en"));
        var next = (string)SeedContent.Node(Branch, Answer)["next"]!;
        var nextTitle = SeedContent.Node(Branch, next)["title"]!["en"]!.ToString();
        await Expect(CardText(page, nextTitle)).ToBeVisibleAsync(Patience);
        // The next remedy asks again, with its own Yes / No.
        await Expect(CardButton(page, SeedContent.MenuString("yes", "en"))).ToBeVisibleAsync();
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
    }
}
