using Newtonsoft.Json.Linq;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Conversation;

/// <summary>Buttons of cards further up the chat stay clickable: the bot must say so and keep the flow intact.</summary>
public class StaleClickTests
{
    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-US")]
    public async Task AButtonOfAnEarlierStepIsRefusedAndTheCurrentStepShownAgain(string locale)
    {
        var client = new BotTestClient(locale);
        var question = await client.OpenBranchAsync("ads-tab-missing");
        var answer = (await client.ClickAsync(question.Button("us-shop"))).LastCard();

        var replies = await client.ClickAsync(question.Button("other-country"));
        Assert.Equal(Text(locale, "staleClick"), replies[0].Text);
        AssertNode(replies.SingleCard(), "ads-tab-missing", "us-menu-path", locale);

        // The flow is intact: the current card's buttons still work.
        AssertNode((await client.ClickAsync(answer.Button("no"))).LastCard(), "ads-tab-missing", "check-permission", locale);
    }

    [Fact]
    public async Task ClickingTheSameButtonTwiceDoesNotSkipAStep()
    {
        var client = new BotTestClient();
        var question = await client.OpenBranchAsync("ads-tab-missing");
        var answer = (await client.ClickAsync(question.Button("us-shop"))).LastCard();
        var next = (await client.ClickAsync(answer.Button("no"))).LastCard();
        AssertNode(next, "ads-tab-missing", "check-permission", "fr-FR");

        var again = await client.ClickAsync(answer.Button("no")); // a double click on « Non »
        Assert.Equal(Text("fr-FR", "staleClick"), again[0].Text);
        AssertNode(again.SingleCard(), "ads-tab-missing", "check-permission", "fr-FR");
    }

    [Fact]
    public async Task AStaleClickAfterTheFlowEndedPicksUpAtThatStep()
    {
        var client = new BotTestClient();
        var question = await client.OpenBranchAsync("ads-tab-missing");
        var answer = (await client.ClickAsync(question.Button("us-shop"))).LastCard();
        await client.ClickAsync(answer.Button("yes")); // resolved: the flow ends

        var replies = await client.ClickAsync(question.Button("permission-granted"));
        Assert.Equal(Text("fr-FR", "staleClick"), replies[0].Text);
        var card = replies.SingleCard();
        AssertNode(card, "ads-tab-missing", "ask-situation", "fr-FR");
        AssertNode((await client.ClickAsync(card.Button("permission-granted"))).LastCard(), "ads-tab-missing", "clear-cache", "fr-FR");
    }

    [Theory]
    [InlineData("no-such-flow", "ask-situation")]
    [InlineData("ads-tab-missing", "no-such-node")]
    public async Task AClickStampedWithAnUnknownFlowOrNodeGetsThePoliteAnswer(string flow, string node)
    {
        var data = new JObject { ["flow"] = flow, ["node"] = node, ["choice"] = "us-shop" };

        // Outside a flow: say so, show the menu.
        var idle = new BotTestClient();
        var replies = await idle.ClickAsync(data);
        Assert.Equal(Text("fr-FR", "staleClick"), replies[0].Text);
        Assert.Contains(Text("fr-FR", "menuTitle"), replies.SingleCard().AllText());

        // In a flow: say so, show the current step again; the flow goes on.
        var busy = new BotTestClient();
        var question = await busy.OpenBranchAsync("ads-tab-missing");
        replies = await busy.ClickAsync(data);
        Assert.Equal(Text("fr-FR", "staleClick"), replies[0].Text);
        AssertNode(replies.SingleCard(), "ads-tab-missing", "ask-situation", "fr-FR");
        AssertNode((await busy.ClickAsync(question.Button("us-shop"))).LastCard(), "ads-tab-missing", "us-menu-path", "fr-FR");
    }

    [Fact]
    public async Task AMenuButtonClickedMidFlowBeginsThatBranch()
    {
        var client = new BotTestClient("en-US");
        var welcome = (await client.ConversationStartAsync()).SingleCard();
        await client.ClickAsync(welcome.Button("ads-tab-missing"));
        var card = (await client.ClickAsync(welcome.Button("ad-rejected"))).LastCard();
        AssertNode(card, "ad-rejected", "ask-situation", "en-US");
    }
}
