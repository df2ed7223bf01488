using Newtonsoft.Json.Linq;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Conversation;

/// <summary>
/// The seller's own language (ConversationLanguage): a typed message clearly in the other language switches the answers
/// for the rest of the conversation; short or mixed messages and card clicks keep the current one; a new locale (the
/// FR/EN switch) wins over what was typed before.
/// </summary>
public class SellerLanguageTests
{
    [Fact]
    public async Task EnglishTypedInAFrenchChatIsAnsweredInEnglishAndTheChoiceIsKept()
    {
        var client = new BotTestClient("fr-FR");
        await client.ConversationStartAsync();

        var replies = await client.SendTextAsync("my ad got rejected what do i do");
        Assert.Equal(Text("en-US", "routedTo", ("title", Catalog.Flow("ad-rejected").Title.En)), replies[0].Text);
        var question = replies.SingleCard();
        AssertNode(question, "ad-rejected", "ask-situation", "en-US");

        // A click and a short reply say nothing about the language: the conversation stays in English.
        var answer = (await client.ClickAsync(question.Button("appeal-now"))).LastCard();
        AssertNode(answer, "ad-rejected", "one-click-appeal", "en-US");
        Assert.Contains(Catalog.Help["one-click-appeal-shop-ads"].Url("en"), answer.ToString());
        Assert.Contains(Text("en-US", "resolvedThanks"), (await client.SendTextAsync("ok")).AllText());
        Assert.Contains(Text("en-US", "menuTitle"), (await client.SendTextAsync("menu")).AllText());
    }

    [Fact]
    public async Task FrenchTypedLaterBringsFrenchBack()
    {
        var client = new BotTestClient("fr-FR");
        await client.SendTextAsync("where is the ads tab in seller center, i can't find it");
        Assert.Contains(Text("en-US", "menuTitle"), (await client.SendTextAsync("menu")).AllText());

        var replies = await client.SendTextAsync("ma pub a été refusée, je fais quoi ?");
        Assert.Equal(Text("fr-FR", "routedTo", ("title", Catalog.Flow("ad-rejected").Title.Fr)), replies[0].Text);
        AssertNode(replies.SingleCard(), "ad-rejected", "ask-situation", "fr-FR");
    }

    [Fact]
    public async Task FrenchTypedInAnEnglishChatIsAnsweredInFrench()
    {
        var client = new BotTestClient("en-US");
        var replies = await client.SendTextAsync("je ne trouve pas l'onglet annonces dans le centre des vendeurs");
        Assert.Equal(Text("fr-FR", "routedTo", ("title", Catalog.Flow("ads-tab-missing").Title.Fr)), replies[0].Text);
        AssertNode(replies.SingleCard(), "ads-tab-missing", "ask-situation", "fr-FR");
    }

    [Theory]
    [InlineData("ads tab missing")]                        // product words only
    [InlineData("what is GMV Max")]                        // too short to be sure
    [InlineData("j'ai un problem with my campaign")]       // mixed
    public async Task ShortOrMixedMessagesKeepTheCurrentLanguage(string message)
    {
        var client = new BotTestClient("fr-FR");
        var replies = await client.SendTextAsync(message);
        var said = replies.AllText();
        Assert.True(new[] { Text("fr-FR", "routedTo", ("title", "")).Split(':')[0], Text("fr-FR", "didYouMeanTitle"), Text("fr-FR", "clarifyTitle"), Text("fr-FR", "outOfScope") }
            .Any(said.Contains), said);
        Assert.Contains(Text("fr-FR", "menuTitle"), (await client.SendTextAsync("menu")).AllText());
    }

    [Fact]
    public async Task AClickNeverChangesTheLanguageEvenWithEnglishButtonText()
    {
        var client = new BotTestClient("fr-FR");
        var menu = (await client.SendTextAsync("menu")).LastCard();
        // Teams sends a messageBack click with a text: the value marks it as a click, not a typed message.
        var click = client.MakeActivity("I want to appeal a rejected VSA or LSA please");
        click.Value = (JObject)menu.Button("ad-rejected")["msteams"]!["value"]!;
        AssertNode((await client.SendAsync(click)).LastCard(), "ad-rejected", "ask-situation", "fr-FR");
    }

    [Fact]
    public async Task TheFrenchEnglishSwitchWinsOverWhatWasTyped()
    {
        var client = new BotTestClient("fr-FR");
        await client.SendTextAsync("my ad got rejected what do i do");

        // The seller presses « FR » after « EN »: the next activities carry the French locale again.
        var switchedBack = client.MakeActivity("menu");
        switchedBack.Locale = "en-US";
        Assert.Contains(Text("en-US", "menuTitle"), (await client.SendAsync(switchedBack)).AllText());
        var french = client.MakeActivity("menu");
        french.Locale = "fr-FR";
        Assert.Contains(Text("fr-FR", "menuTitle"), (await client.SendAsync(french)).AllText());
    }
}
