using Microsoft.Extensions.DependencyInjection;
using Moq;
using ShopAdsBot.Recognition;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Dialogs;

/// <summary>
/// MainDialog's routing rules, with a Moq stand-in behind IBranchRecognizer so that each confidence band is tested
/// directly rather than through whatever the trained model happens to say: sure → the branch begins; unsure → "did you
/// mean"; out of scope → an honest answer; in the middle of a flow a weak guess never interrupts it; an answer to the
/// current question is never sent to the recognizer at all.
/// </summary>
public class RoutingRulesTests
{
    private readonly Mock<IBranchRecognizer> recognizer = new();
    private readonly BotTestClient client;

    public RoutingRulesTests()
    {
        var services = BotTestClient.BuildServices(s => s.AddSingleton(recognizer.Object));
        client = new BotTestClient(services: services);
    }

    private void Returns(string branch, Confidence confidence, params string[] alternatives) =>
        recognizer.Setup(r => r.Recognize(It.IsAny<string?>(), It.IsAny<string?>()))
            .Returns((string? text, string? _) => new RouteResult(branch, 0.5,
                [.. new[] { branch }.Concat(alternatives).Where(b => b != ShopAdsRecognizer.NoneIntent).Select(b => new BranchScore(b, 0.5))],
                confidence, text ?? string.Empty));

    [Fact]
    public async Task ASureRouteBeginsTheBranch()
    {
        Returns("create-ad", Confidence.High);
        var replies = await client.SendTextAsync("texte quelconque");
        Assert.Equal(Text("fr-FR", "routedTo", ("title", Catalog.Flow("create-ad").Title.Fr)), replies[0].Text);
        AssertNode(replies.LastCard(), "create-ad", Catalog.Flow("create-ad").Start, "fr-FR");
        recognizer.Verify(r => r.Recognize("texte quelconque", "fr-FR"), Times.Once);
    }

    [Fact]
    public async Task AnUnsureRouteOutsideAFlowOffersTheAlternatives()
    {
        Returns("create-ad", Confidence.Medium, "ads-tab-missing", "connect-shop");
        var card = (await client.SendTextAsync("campagne")).SingleCard();
        Assert.Equal(new[] { "create-ad", "ads-tab-missing", "connect-shop" }, card.SubmitActions().Select(a => (string?)a["data"]!["choice"]).OfType<string>());
    }

    [Fact]
    public async Task AnOutOfScopeMessageGetsAnHonestAnswer()
    {
        Returns(ShopAdsRecognizer.NoneIntent, Confidence.Low);
        Assert.Contains(Text("fr-FR", "outOfScope"), (await client.SendTextAsync("quel temps fait-il ?")).SingleCard().AllText());
    }

    [Theory]
    [InlineData(Confidence.Medium)]
    [InlineData(Confidence.Low)]
    public async Task AWeakGuessNeverInterruptsAFlow(Confidence confidence)
    {
        await client.OpenBranchAsync("ads-tab-missing");
        Returns("create-ad", confidence, "connect-shop");
        var replies = await client.SendTextAsync("zzz qqq");
        Assert.Equal(Text("fr-FR", "notUnderstood"), replies[0].Text);
        AssertNode(replies.LastCard(), "ads-tab-missing", "ask-situation", "fr-FR");
    }

    [Fact]
    public async Task ASureRouteInsideAFlowStartsTheOtherBranch()
    {
        await client.OpenBranchAsync("ads-tab-missing");
        Returns("ad-rejected", Confidence.High);
        AssertNode((await client.SendTextAsync("zzz qqq")).LastCard(), "ad-rejected", Catalog.Flow("ad-rejected").Start, "fr-FR");
    }

    [Fact]
    public async Task AnAnswerToTheCurrentQuestionNeverReachesTheRecognizer()
    {
        var question = await client.OpenBranchAsync("ads-tab-missing");
        var title = (string)question.Button("us-shop")["title"]!;
        await client.SendTextAsync(title);
        recognizer.Verify(r => r.Recognize(It.IsAny<string?>(), It.IsAny<string?>()), Times.Never);
    }
}
