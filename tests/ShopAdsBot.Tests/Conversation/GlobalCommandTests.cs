using Newtonsoft.Json.Linq;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Conversation;

/// <summary>
/// « menu », « recommencer », « annuler », « aide » (and English) work from anywhere: at the menu, at a question, at an
/// answer; whatever the case, accents or trailing punctuation. The Emulator channel is used to see whether a flow is
/// still active afterwards (its "Flow" trace).
/// </summary>
public class GlobalCommandTests
{
    public enum Place { Menu, Question, Answer }

    public static TheoryData<string, string, Place> Commands(params string[] words)
    {
        var data = new TheoryData<string, string, Place>();
        foreach (var word in words)
        {
            var locale = word.Split('|')[1];
            foreach (var place in Enum.GetValues<Place>())
            {
                data.Add(word.Split('|')[0], locale, place);
            }
        }
        return data;
    }

    public static TheoryData<string, string, Place> MenuWords() => Commands("menu|fr-FR", "MENU|fr-FR", "Menu principal|fr-FR", "menu|en-US", "Main menu|en-US");

    public static TheoryData<string, string, Place> RestartWords() => Commands("recommencer|fr-FR", "Recommencer !|fr-FR", "restart|en-US", "Start over|en-US");

    public static TheoryData<string, string, Place> CancelWords() => Commands("annuler|fr-FR", "ANNULER.|fr-FR", "Arrêter|fr-FR", "cancel|en-US");

    public static TheoryData<string, string, Place> HelpWords() => Commands("aide|fr-FR", "Aide !|fr-FR", "AIDE|fr-FR", "help|en-US", "Help?|en-US", "?|en-US");

    [Theory]
    [MemberData(nameof(MenuWords))]
    public async Task MenuShowsTheMenuAndEndsTheFlow(string word, string locale, Place place)
    {
        var client = await ArriveAsync(locale, place);
        var replies = await client.SendTextAsync(word);
        AssertMenu(replies.SingleCard(), locale);
        Assert.Empty(replies.Traces("Flow"));
    }

    [Theory]
    [InlineData("fr-FR", Place.Question)]
    [InlineData("en-US", Place.Answer)]
    [InlineData("fr-FR", Place.Menu)]
    public async Task TheBackToMenuButtonShowsTheMenu(string locale, Place place)
    {
        var client = await ArriveAsync(locale, place);
        var replies = await client.ClickAsync(new JObject { ["command"] = "menu" });
        AssertMenu(replies.SingleCard(), locale);
        Assert.Empty(replies.Traces("Flow"));
    }

    [Theory]
    [MemberData(nameof(RestartWords))]
    public async Task RestartSaysSoAndShowsTheMenu(string word, string locale, Place place)
    {
        var client = await ArriveAsync(locale, place);
        var replies = await client.SendTextAsync(word);
        Assert.Equal(Text(locale, "restarted"), replies[0].Text);
        AssertMenu(replies.SingleCard(), locale);
        Assert.Empty(replies.Traces("Flow"));
    }

    [Theory]
    [MemberData(nameof(CancelWords))]
    public async Task CancelStopsTheFlowAndOffersTheMenu(string word, string locale, Place place)
    {
        var client = await ArriveAsync(locale, place);
        var replies = await client.SendTextAsync(word);
        var card = replies.SingleCard();
        Assert.Contains(Text(locale, "cancelled"), card.AllText());
        Assert.Equal("menu", (string?)card.CommandButton("menu")["command"]);
        Assert.Empty(replies.Traces("Flow"));
    }

    [Theory]
    [MemberData(nameof(HelpWords))]
    public async Task HelpExplainsThenTheConversationGoesOnWhereItWas(string word, string locale, Place place)
    {
        var client = await ArriveAsync(locale, place);
        var replies = await client.SendTextAsync(word);
        Assert.Equal(Text(locale, "help"), replies[0].Text);
        var card = replies.SingleCard();
        switch (place)
        {
            case Place.Menu:
                AssertMenu(card, locale);
                break;
            case Place.Question:
                // The same question again, and the flow goes on from it.
                AssertNode(card, "ads-tab-missing", "ask-situation", locale);
                AssertNode((await client.ClickAsync(card.Button("other-country"))).LastCard(), "ads-tab-missing", "check-permission", locale);
                break;
            case Place.Answer:
                AssertNode(card, "ads-tab-missing", "us-menu-path", locale);
                var afterYes = await client.ClickAsync(card.Button("yes"));
                Assert.Contains(Text(locale, "resolvedThanks"), afterYes.AllText());
                break;
        }
    }

    private static void AssertMenu(JObject card, string locale)
    {
        Assert.Contains(Text(locale, "menuTitle"), card.AllText());
        Assert.Equal(Conversations.Catalog.BranchIds.Count, card.SubmitActions().Count(a => (string?)a["data"]?["flow"] == "menu"));
    }

    /// <summary>A conversation on the Emulator channel at the menu, at the first question of a branch, or at an answer.</summary>
    private static async Task<BotTestClient> ArriveAsync(string locale, Place place)
    {
        var client = new BotTestClient(locale, "emulator");
        switch (place)
        {
            case Place.Menu:
                await client.SendTextAsync("menu");
                break;
            case Place.Question:
                await client.OpenBranchAsync("ads-tab-missing");
                break;
            case Place.Answer:
                await client.OpenUsMenuPathAnswerAsync();
                break;
        }
        return client;
    }
}
