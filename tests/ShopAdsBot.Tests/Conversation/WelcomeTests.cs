using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Conversation;

/// <summary>The first thing a seller sees, and the small talk answered outside a flow.</summary>
public class WelcomeTests
{
    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-US")]
    public async Task ConversationStartShowsTheWelcomeWithEveryTopic(string locale)
    {
        var client = new BotTestClient(locale);
        var card = (await client.ConversationStartAsync()).SingleCard();

        var text = card.AllText();
        Assert.Contains(Text(locale, "welcomeTitle"), text);
        Assert.Contains(Text(locale, "welcomeIntro"), text);
        var topics = card.SubmitActions().Select(a => a["data"]!).ToList();
        Assert.All(topics, d => Assert.Equal("menu", (string?)d["flow"]));
        // Every branch of dialogs/, in the menu's order.
        Assert.Equal(Catalog.BranchIds, topics.Select(d => (string)d["choice"]!));
        foreach (var branch in Catalog.BranchIds)
        {
            Assert.Contains(Catalog.Flow(branch).Title.Get(locale[..2]), text);
        }
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-US")]
    public async Task EveryWelcomeTopicBeginsItsBranch(string locale)
    {
        var client = new BotTestClient(locale);
        var welcome = (await client.ConversationStartAsync()).SingleCard();
        foreach (var branch in Catalog.BranchIds)
        {
            var card = (await client.ClickAsync(welcome.Button(branch))).LastCard();
            AssertNode(card, branch, Catalog.Flow(branch).Start, locale);
        }
    }

    [Theory]
    [InlineData("bonjour", "fr-FR")]
    [InlineData("Bonjour !", "fr-FR")]
    [InlineData("salut", "fr-FR")]
    [InlineData("hello", "en-US")]
    [InlineData("Hi", "en-US")]
    public async Task AGreetingOutsideAFlowGetsTheWelcome(string greeting, string locale)
    {
        var client = new BotTestClient(locale);
        var card = (await client.SendTextAsync(greeting)).SingleCard();
        Assert.Contains(Text(locale, "welcomeTitle"), card.AllText());
        Assert.Equal(Catalog.BranchIds.Count, card.SubmitActions().Count());
    }

    [Theory]
    [InlineData("merci", "fr-FR")]
    [InlineData("Merci beaucoup !", "fr-FR")]
    [InlineData("thanks", "en-US")]
    [InlineData("Thank you", "en-US")]
    public async Task ThanksOutsideAFlowGetsAWarmReply(string thanks, string locale)
    {
        var client = new BotTestClient(locale);
        var replies = await client.SendTextAsync(thanks);
        Assert.Equal(Text(locale, "thanksReply"), Assert.Single(replies).Text);
    }
}
