using BotDialogs.Choices;
using BotDialogs.Tests.Support;
using Microsoft.Bot.Builder;

namespace BotDialogs.Tests;

public class RetryTests
{
    private static readonly IList<Choice> Choices = ChoiceFactory.ToChoices(["Boutique", "Annonces"]);

    [Fact]
    public async Task UnrecognisedAnswerGetsOneRetryThenEndsNotRecognisedByDefault()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices));
        await client.Flow()
            .Send("bonjour").AssertReply(PromptHarness.Question)
            .Send("banane").AssertReply("Je n'ai pas compris votre réponse. Choisissez une des options proposées, ou tapez son numéro.")
            .Send("pomme").AssertReply("not-recognised:2")
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, client.LastResult!.Status);
    }

    [Fact]
    public async Task MaxAttemptsIsConfigurable()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices, p => p.MaxAttempts = 3));
        await client.SendAsync("bonjour");
        Assert.Single(await client.SendAsync("x"));
        Assert.Single(await client.SendAsync("y"));
        Assert.Equal(DialogTurnStatus.Waiting, client.LastResult!.Status);
        Assert.Equal("not-recognised:3", Assert.Single(await client.TextsAsync("z")));
    }

    [Fact]
    public async Task ACorrectAnswerAfterARetryIsAccepted()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices));
        await client.Flow()
            .Send("bonjour").AssertReply(PromptHarness.Question)
            .Send("???").AssertReply(a => Assert.StartsWith("Je n'ai pas compris", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("annonces").AssertReply("found:Annonces#1")
            .StartTestAsync();
    }

    [Fact]
    public async Task CallerHandlesNotRecognisedByShowingTheMenuAgain()
    {
        var client = new DialogTestClient(() => new Menu());
        await client.Flow()
            .Send("bonjour").AssertReply("Menu : que voulez-vous faire ?")
            .Send("xyz").AssertReply(a => Assert.StartsWith("Je n'ai pas compris", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("xyz").AssertReply("Je vous remets le menu.").AssertReply("Menu : que voulez-vous faire ?")
            .Send("xyz").AssertReply(a => Assert.StartsWith("Je n'ai pas compris", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task NoRetryMessageWhenAnInterruptionAlreadyAnswered()
    {
        var client = new DialogTestClient(() => new Menu());
        await client.SendAsync("bonjour");
        var replies = await client.TextsAsync("aide");
        Assert.Equal(new[] { "Voici de l'aide." }, replies);
        Assert.Equal(DialogTurnStatus.Waiting, client.LastResult!.Status);
    }

    [Fact]
    public async Task RendererRebuildsTheRetryFromThePersistedReference()
    {
        PromptRenderer renderer = (ctx, options, isRetry, ct) =>
            Task.FromResult<Microsoft.Bot.Schema.IMessageActivity?>(MessageFactory.Text($"{(isRetry ? "retry" : "ask")}:{options.Reference?["node"]}:{options.Choices?.Count}"));
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices, p => p.Renderer = renderer, o => o.Reference = new Newtonsoft.Json.Linq.JObject { ["node"] = "n1" }));
        await client.Flow()
            .Send("bonjour").AssertReply("ask:n1:2")
            .Send("rien").AssertReply("retry:n1:2")
            .StartTestAsync();
    }

    [Fact]
    public async Task ValidatorCanRejectARecognisedAnswer()
    {
        PromptValidator<FoundChoice> onlySecond = (ctx, ct) => Task.FromResult(ctx.Recognized.Succeeded && ctx.Recognized.Value!.Index == 1);
        var client = new DialogTestClient(() => new TestComponent("root",
            new WaterfallDialog("ask", [
                (step, ct) => step.PromptAsync("prompt", new PromptOptions { Prompt = MessageFactory.Text("?"), Choices = Choices }, ct),
                Steps.EchoResult("ok "),
            ]),
            new ChoicePrompt("prompt", onlySecond) { Style = ListStyle.None }));
        await client.Flow()
            .Send("bonjour").AssertReply("?")
            .Send("1").AssertReply(a => Assert.StartsWith("Je n'ai pas compris", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("2").AssertReply("ok BotDialogs.Choices.FoundChoice")
            .StartTestAsync();
    }

    [Fact]
    public async Task TextPromptRetriesOnAnEmptyMessageAndAcceptsASubmitValue()
    {
        var client = new DialogTestClient(() => new TestComponent("root",
            new WaterfallDialog("ask", [Steps.AskText("text", "Nom ?"), Steps.EchoResult("nom=")]),
            new TextPrompt("text")));
        await client.SendAsync("bonjour");
        Assert.Equal(new[] { "Je n'ai pas compris. Pouvez-vous reformuler ?" }, (await client.SendAsync(" ")).Select(r => r.Text));
        Assert.Equal("nom=Alice", Assert.Single(await client.SubmitAsync("Alice")).Text);
    }

    [Fact]
    public async Task NonMessageActivitiesDoNotCountAsAnswers()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices));
        await client.SendAsync("bonjour");
        var typing = client.Adapter.MakeActivity();
        typing.Type = Microsoft.Bot.Schema.ActivityTypes.Typing;
        Assert.Empty(await client.SendAsync(typing));
        Assert.Equal(0, (int)client.StoredConversation.SelectToken("DialogState.dialogStack[0].state.dialogs.dialogStack[0].state.state.attemptCount")!);
    }
}
