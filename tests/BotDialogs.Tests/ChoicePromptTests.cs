using BotDialogs.Choices;
using BotDialogs.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BotDialogs.Tests;

public class ChoicePromptTests
{
    private static readonly IList<Choice> Choices =
    [
        new Choice("connect-shop") { Action = new CardAction { Title = "Connecter ma boutique" }, Synonyms = ["Connect my shop"] },
        new Choice("create-ad") { Action = new CardAction { Title = "Créer une campagne" }, Synonyms = ["Create a campaign"] },
        new Choice("ad-rejected") { Action = new CardAction { Title = "Annonce refusée" }, Synonyms = ["Ad rejected"] },
    ];

    private static async Task<string> AnswerAsync(string text)
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices));
        Assert.Equal(PromptHarness.Question, Assert.Single(await client.SendAsync("bonjour")).Text);
        await client.SendAsync(text);
        return client.LastResult?.Result is { } result ? PromptHarness.Describe(result) : "waiting";
    }

    [Theory]
    [InlineData("Créer une campagne", "found:create-ad#1")]
    [InlineData("créer une CAMPAGNE !", "found:create-ad#1")]
    [InlineData("connect my shop", "found:connect-shop#0")]
    [InlineData("create-ad", "found:create-ad#1")]
    [InlineData("2", "found:create-ad#1")]
    [InlineData("je veux créer une campagne svp", "found:create-ad#1")]
    [InlineData("banane", "waiting")]
    [InlineData("4", "waiting")]
    public async Task TypedAnswersAreRecognisedFromTheActivityText(string text, string expected)
        => Assert.Equal(expected, await AnswerAsync(text));

    [Fact]
    public async Task ACardSubmitWithoutTextIsNotAnAnswerOfThePlainPrompt()
    {
        // The real ChoicePrompt reads activity.Text only; the app's CardChoicePrompt reads card submits.
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices));
        await client.SendAsync("bonjour");
        await client.SubmitAsync(new JObject { ["choice"] = "create-ad" });
        Assert.Equal(DialogTurnStatus.Waiting, client.LastResult!.Status);
    }

    [Fact]
    public async Task StyleNoneSendsThePromptActivityUnchanged()
    {
        var card = new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = new JObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" } };
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices, options: o => o.Prompt = new Activity(ActivityTypes.Message) { Attachments = [card] }));
        var reply = Assert.Single(await client.SendAsync("bonjour"));
        Assert.Null(reply.SuggestedActions);
        Assert.Equal("AdaptiveCard", (string?)((JObject)Assert.Single(reply.Attachments).Content)["type"]);
    }

    [Fact]
    public async Task SuggestedActionStyleAddsTheChoicesAsButtons()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices, p => p.Style = ListStyle.SuggestedAction));
        var reply = Assert.Single(await client.SendAsync("bonjour"));
        Assert.Equal(new[] { "Connecter ma boutique", "Créer une campagne", "Annonce refusée" }, reply.SuggestedActions.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task InlineStyleWritesTheChoicesInTheUsersLanguage()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(ChoiceFactory.ToChoices(["Rouge", "Vert", "Bleu"]), p => p.Style = ListStyle.Inline));
        Assert.Equal("Votre choix ? (1) Rouge, (2) Vert, ou (3) Bleu", Assert.Single(await client.SendAsync("bonjour")).Text);
    }

    [Fact]
    public async Task AutoStyleOnAChannelWithoutButtonsWritesAShortListInline()
    {
        // TestAdapter's channel ("test") supports neither suggested actions nor card actions.
        var client = new DialogTestClient(() => PromptHarness.Choice(ChoiceFactory.ToChoices(["Red", "Blue"]), p => p.Style = ListStyle.Auto), "en-US");
        Assert.Equal("Votre choix ? (1) Red or (2) Blue", Assert.Single(await client.SendAsync("hello")).Text);
    }

    [Fact]
    public async Task TheOptionsArePersistedAsGiven()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices));
        await client.SendAsync("bonjour");
        var json = client.StoredConversation.ToString();
        Assert.Contains("create-ad", json, StringComparison.Ordinal);
        Assert.Contains(PromptHarness.Question, json, StringComparison.Ordinal);
    }
}
