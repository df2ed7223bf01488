using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Conversation;

/// <summary>
/// Answers typed instead of clicked. At « Quelle situation correspond à la vôtre ? » (ads-tab-missing) the choices are
/// « Ma boutique est aux États-Unis » → us-menu-path, « … dans un autre pays » → check-permission,
/// « J'ai déjà l'autorisation… » → clear-cache. At an answer, Oui ends the flow and Non shows the next remedy.
/// </summary>
public class TypedAnswerTests
{
    [Theory]
    [InlineData("Ma boutique est aux États-Unis", "fr-FR", "us-menu-path")] // exact title
    [InlineData("ma boutique est aux etats unis", "fr-FR", "us-menu-path")] // no accents, no hyphen
    [InlineData("usa", "fr-FR", "us-menu-path")]                             // synonym
    [InlineData("autre pays", "fr-FR", "check-permission")]                  // synonym
    [InlineData("2", "fr-FR", "check-permission")]                           // number
    [InlineData("le deuxième", "fr-FR", "check-permission")]                 // ordinal
    [InlineData("la troisième", "fr-FR", "clear-cache")]
    [InlineData("Ma boutique est dans un autre pyas", "fr-FR", "check-permission")] // small typo
    [InlineData("My shop is in the US", "en-US", "us-menu-path")]
    [InlineData("second", "en-US", "check-permission")]
    [InlineData("3", "en-US", "clear-cache")]
    [InlineData("my shop is in another contry", "en-US", "check-permission")]
    public async Task ATypedChoiceLeadsWhereTheButtonWould(string typed, string locale, string expectedNode)
    {
        var client = new BotTestClient(locale);
        await client.OpenBranchAsync("ads-tab-missing");
        var replies = await client.SendTextAsync(typed);
        AssertNode(replies.LastCard(), "ads-tab-missing", expectedNode, locale);
    }

    [Theory]
    [InlineData("oui", "fr-FR")]
    [InlineData("Ouais", "fr-FR")]
    [InlineData("oui merci, c'est bon", "fr-FR")]
    [InlineData("yes", "en-US")]
    [InlineData("Yep!", "en-US")]
    public async Task ATypedYesEndsTheFlowWithThanks(string typed, string locale)
    {
        var client = new BotTestClient(locale, "emulator");
        await client.OpenUsMenuPathAnswerAsync();
        var replies = await client.SendTextAsync(typed);
        var card = replies.SingleCard();
        Assert.Contains(Text(locale, "resolvedThanks"), card.AllText());
        Assert.NotNull(card.CommandButton("menu"));
        Assert.Empty(replies.Traces("Flow"));
    }

    [Theory]
    [InlineData("non", "fr-FR")]
    [InlineData("pas du tout", "fr-FR")]
    [InlineData("Non, toujours pas", "fr-FR")]
    [InlineData("no", "en-US")]
    [InlineData("nope", "en-US")]
    public async Task ATypedNoShowsTheNextRemedy(string typed, string locale)
    {
        var client = new BotTestClient(locale);
        await client.OpenUsMenuPathAnswerAsync();
        var replies = await client.SendTextAsync(typed);
        AssertNode(replies.LastCard(), "ads-tab-missing", "check-permission", locale);
    }

    [Theory]
    [InlineData("fr-FR", false)]
    [InlineData("en-US", false)]
    [InlineData("fr-FR", true)]
    public async Task AnUnrecognisedAnswerIsAskedAgainThenTheBotGivesUp(string locale, bool atAnswer)
    {
        var client = new BotTestClient(locale, "emulator");
        var (node, card) = atAnswer
            ? ("us-menu-path", await client.OpenUsMenuPathAnswerAsync())
            : ("ask-situation", await client.OpenBranchAsync("ads-tab-missing"));

        var first = await client.SendTextAsync("blablabla");
        var retry = Assert.Single(first, r => r.Type == "message");
        Assert.Equal(Text(locale, "notUnderstood"), retry.Text);
        Assert.Equal(card.ToString(), first.SingleCard().ToString()); // the same card, its buttons at hand
        Assert.Equal($"ads-tab-missing/{node}", StampOf(first.SingleCard()));

        var second = await client.SendTextAsync("zzz qwerty");
        Assert.Equal(Text(locale, "tooManyAttempts"), second.First(r => r.Type == "message").Text);
        var menu = second.SingleCard(); // "je vous ramène au menu principal": the menu itself
        Assert.Contains(Text(locale, "menuTitle"), menu.AllText());
        Assert.Equal(Conversations.Catalog.BranchIds.Count, menu.SubmitActions().Count(a => (string?)a["data"]?["flow"] == "menu"));
        Assert.Empty(second.Traces("Flow")); // the flow has ended

        // What comes next is read as a new message at the menu, not as an answer to the old question.
        var after = await client.SendTextAsync("2");
        Assert.Empty(after.Traces("Flow"));
    }

    [Fact]
    public async Task ARetryDoesNotCountAfterACorrectAnswer()
    {
        // One wrong answer, then a right one: the flow goes on and the next question has its own two attempts.
        var client = new BotTestClient();
        await client.OpenBranchAsync("connect-shop");
        await client.SendTextAsync("blablabla");
        AssertNode((await client.SendTextAsync("oui")).LastCard(), "connect-shop", "ask-seller-center-access", "fr-FR");
        var retry = await client.SendTextAsync("blablabla");
        Assert.Equal(Text("fr-FR", "notUnderstood"), retry[0].Text);
        AssertNode((await client.SendTextAsync("non")).LastCard(), "connect-shop", "agency-request-access", "fr-FR");
    }
}
