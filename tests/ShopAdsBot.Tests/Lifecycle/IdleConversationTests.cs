using Microsoft.Extensions.DependencyInjection;
using ShopAdsBot.Lifecycle;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Lifecycle;

/// <summary>A seller back mid-branch after Conversation:IdleTimeout is asked « Continuer ou recommencer ? » first.</summary>
public class IdleConversationTests
{
    private readonly ObservedTimeProvider clock = new();

    private BotTestClient NewClient(string locale = "fr-FR", TimeSpan? idleTimeout = null) =>
        new(locale, services: BotTestClient.BuildServices(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            if (idleTimeout is { } timeout)
            {
                s.Configure<ConversationOptions>(o => o.IdleTimeout = timeout);
            }
        }));

    [Theory]
    [InlineData("fr-FR", "Vous étiez à l'étape « ", " ». Continuer ou recommencer ?")]
    [InlineData("en-US", "You were at the step “", "”. Continue or start over?")]
    public async Task AMessageMidBranchAfterThePauseGetsTheQuestionAndContinueShowsTheStepAgain(string locale, string starts, string ends)
    {
        var client = NewClient(locale);
        await client.OpenBranchAsync("ads-tab-missing");
        clock.Advance(TimeSpan.FromMinutes(31));

        // A typed answer to the step would have moved the flow on: it is not taken, the question comes first.
        var flow = Catalog.Flow("ads-tab-missing");
        var step = flow.Node("ask-situation");
        var choiceTitle = step.Choices.First(c => c.Id == "us-shop").Title.Get(locale[..2]);
        var asked = (await client.SendTextAsync(choiceTitle)).SingleCard();
        var text = asked.AllText().Split('\n')[0];
        Assert.StartsWith(starts + step.Text.Get(locale[..2]), text);
        Assert.EndsWith(flow.Title.Get(locale[..2]) + ends, text);
        Assert.Equal([Text(locale, "resumeContinue"), Text(locale, "resumeStartOver")], asked.SubmitActions().Select(a => (string)a["title"]!));

        var again = (await client.ClickAsync(asked.CommandButton("continue"))).SingleCard();
        AssertNode(again, "ads-tab-missing", "ask-situation", locale);
        AssertNode((await client.SendTextAsync(choiceTitle)).LastCard(), "ads-tab-missing", "us-menu-path", locale);
    }

    [Fact]
    public async Task StartOverGoesBackToTheMenu()
    {
        var client = NewClient();
        await client.OpenBranchAsync("ads-tab-missing");
        clock.Advance(TimeSpan.FromHours(20));
        var asked = (await client.SendTextAsync("je reviens")).SingleCard();

        var replies = await client.ClickAsync(asked.CommandButton("restart"));

        Assert.Equal(Text("fr-FR", "restarted"), replies[0].Text);
        Assert.Contains(Text("fr-FR", "menuTitle"), replies.SingleCard().AllText());
    }

    [Fact]
    public async Task ANewProblemTypedAfterThePauseIsRoutedAsUsual()
    {
        var client = NewClient();
        await client.OpenBranchAsync("ads-tab-missing");
        clock.Advance(TimeSpan.FromDays(1));

        var replies = await client.SendTextAsync("ma publicité a été rejetée pour non-conformité, pourquoi ?");

        Assert.Equal(Text("fr-FR", "routedTo", ("title", Catalog.Flow("ad-rejected").Title.Fr)), replies[0].Text);
        AssertNode(replies.LastCard(), "ad-rejected", Catalog.Flow("ad-rejected").Start, "fr-FR");
    }

    [Fact]
    public async Task ANewProblemTypedWhenTheQuestionIsShownIsRoutedAsUsual()
    {
        var client = NewClient();
        await client.OpenBranchAsync("ads-tab-missing");
        clock.Advance(TimeSpan.FromDays(1));
        await client.SendTextAsync("bonjour, je reviens");

        var replies = await client.SendTextAsync("ma publicité a été rejetée pour non-conformité, pourquoi ?");

        Assert.Equal(Text("fr-FR", "routedTo", ("title", Catalog.Flow("ad-rejected").Title.Fr)), replies[0].Text);
    }

    [Fact]
    public async Task BeforeTheTimeoutAClickOnTheCardOrOutsideABranchNothingIsAsked()
    {
        var client = NewClient(idleTimeout: TimeSpan.FromMinutes(5));
        var question = await client.OpenBranchAsync("ads-tab-missing");

        clock.Advance(TimeSpan.FromMinutes(4));
        var answer = (await client.ClickAsync(question.Button("us-shop"))).LastCard();
        AssertNode(answer, "ads-tab-missing", "us-menu-path", "fr-FR");

        // A click on the current card says where the seller is: no question, even after the pause.
        clock.Advance(TimeSpan.FromMinutes(6));
        AssertNode((await client.ClickAsync(answer.Button("no"))).LastCard(), "ads-tab-missing", "check-permission", "fr-FR");

        // Outside a branch there is nothing to resume.
        await client.SendTextAsync("annuler");
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Contains(Text("fr-FR", "menuTitle"), (await client.SendTextAsync("menu")).SingleCard().AllText());
    }
}
