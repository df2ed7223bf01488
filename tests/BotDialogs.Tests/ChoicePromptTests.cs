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

    private static async Task<string> AnswerAsync(Func<DialogTestClient, Task> answer)
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices));
        var first = await client.SendAsync("bonjour");
        Assert.Equal(PromptHarness.Question, Assert.Single(first).Text);
        await answer(client);
        return client.LastResult?.Result is { } result ? PromptHarness.Describe(result) : "waiting";
    }

    [Fact]
    public async Task CardSubmitWithNoTextIsRecognisedByValue()
        => Assert.Equal("found:create-ad#1", await AnswerAsync(c => c.SubmitAsync(new JObject { ["flow"] = "main", ["node"] = "menu", ["choice"] = "create-ad" })));

    [Fact]
    public async Task TeamsMessageBackWithDisplayTextAndValueAsJsonStringIsRecognisedByValue()
        => Assert.Equal("found:ad-rejected#2", await AnswerAsync(c => c.SubmitAsync("{\"choice\":\"ad-rejected\"}", "Annonce refusée")));

    [Fact]
    public async Task SubmitValueWinsOverItsDisplayText()
        => Assert.Equal("found:connect-shop#0", await AnswerAsync(c => c.SubmitAsync(new JObject { ["choice"] = "connect-shop" }, "Créer une campagne")));

    [Theory]
    [InlineData("Créer une campagne", "found:create-ad#1")]
    [InlineData("creer une CAMPAGNE !", "found:create-ad#1")]
    [InlineData("connect my shop", "found:connect-shop#0")]
    [InlineData("create-ad", "found:create-ad#1")]
    [InlineData("2", "found:create-ad#1")]
    [InlineData("le deuxième", "found:create-ad#1")]
    [InlineData("second", "found:create-ad#1")]
    [InlineData("the third one", "found:ad-rejected#2")]
    [InlineData("la dernière", "found:ad-rejected#2")]
    [InlineData("Conecter ma boutique", "found:connect-shop#0")]
    [InlineData("annonce refusee", "found:ad-rejected#2")]
    [InlineData("je veux créer une campagne", "found:create-ad#1")]
    public async Task TypedAnswersAreRecognised(string text, string expected)
        => Assert.Equal(expected, await AnswerAsync(c => c.SendAsync(text)));

    [Fact]
    public async Task CardOfAnotherQuestionIsNotAnAnswer()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices, options: o => o.Reference = new JObject { ["flow"] = "main", ["node"] = "menu" }));
        await client.SendAsync("bonjour");
        var replies = await client.SubmitAsync(new JObject { ["flow"] = "main", ["node"] = "old-node", ["choice"] = "create-ad" });
        Assert.Equal(DialogTurnStatus.Waiting, client.LastResult!.Status);
        Assert.StartsWith("Je n'ai pas compris", Assert.Single(replies).Text, StringComparison.Ordinal);

        await client.SubmitAsync(new JObject { ["flow"] = "main", ["node"] = "menu", ["choice"] = "create-ad" });
        Assert.Equal("found:create-ad#1", PromptHarness.Describe(client.LastResult.Result));
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
    public async Task DefaultStyleAddsTheChoicesAsButtons()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices, p => p.Style = ListStyle.Auto));
        var reply = Assert.Single(await client.SendAsync("bonjour"));
        Assert.Equal(new[] { "Connecter ma boutique", "Créer une campagne", "Annonce refusée" }, reply.SuggestedActions.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task RecognisedChoicesAndTitlesArePersistedButNotTheQuestion()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices));
        await client.SendAsync("bonjour");
        var json = client.StoredConversation.ToString();
        Assert.Contains("create-ad", json, StringComparison.Ordinal);
        Assert.DoesNotContain(PromptHarness.Question, json, StringComparison.Ordinal);
        Assert.DoesNotContain("$type", client.StoredConversation["DialogState"]!.ToString(), StringComparison.Ordinal);
    }
}
