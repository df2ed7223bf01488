using BotDialogs.Choices;
using BotDialogs.Tests.Support;
using Microsoft.Bot.Builder;

namespace BotDialogs.Tests;

/// <summary>Prompts re-ask until answered, as Microsoft.Bot.Builder.Dialogs' do; only a validator decides otherwise.</summary>
public class RetryTests
{
    private static readonly IList<Choice> Choices = ChoiceFactory.ToChoices(["Boutique", "Annonces"]);

    [Fact]
    public async Task WithoutRetryPromptThePromptIsAskedAgainOnEveryLaterTurn()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices));
        await client.Flow()
            .Send("bonjour").AssertReply(PromptHarness.Question)
            .Send("banane").AssertReply(PromptHarness.Question)
            .Send("pomme").AssertReply(PromptHarness.Question)
            .Send("poire").AssertReply(PromptHarness.Question)
            .Send("annonces").AssertReply("found:Annonces#1")
            .StartTestAsync();
    }

    [Fact]
    public async Task TheRetryPromptIsPersistedAndSentOnALaterTurn()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices, options: o => o.RetryPrompt = MessageFactory.Text("Boutique ou Annonces ?")));
        await client.Flow()
            .Send("bonjour").AssertReply(PromptHarness.Question)
            .Send("banane").AssertReply("Boutique ou Annonces ?")
            .Send("pomme").AssertReply("Boutique ou Annonces ?")
            .Send("1").AssertReply("found:Boutique#0")
            .StartTestAsync();
    }

    [Fact]
    public async Task PromptActivitiesWithoutInputHintExpectInput()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices, options: o =>
        {
            o.Prompt = new Microsoft.Bot.Schema.Activity(Microsoft.Bot.Schema.ActivityTypes.Message) { Text = PromptHarness.Question };
            o.RetryPrompt = new Microsoft.Bot.Schema.Activity(Microsoft.Bot.Schema.ActivityTypes.Message) { Text = "Encore ?" };
        }));
        Assert.Equal(Microsoft.Bot.Schema.InputHints.ExpectingInput, Assert.Single(await client.SendAsync("bonjour")).InputHint);
        Assert.Equal(Microsoft.Bot.Schema.InputHints.ExpectingInput, Assert.Single(await client.SendAsync("?")).InputHint);
    }

    [Fact]
    public async Task AValidatorCanEndThePromptAfterSomeAttempts()
    {
        PromptValidator<FoundChoice> threeTries = (ctx, ct) => Task.FromResult(ctx.Recognized.Succeeded || ctx.AttemptCount >= 3);
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices, validator: threeTries));
        await client.SendAsync("bonjour");
        Assert.Single(await client.SendAsync("x"));
        Assert.Single(await client.SendAsync("y"));
        Assert.Equal(DialogTurnStatus.Waiting, client.LastResult!.Status);
        Assert.Equal("other:", Assert.Single(await client.TextsAsync("z")));
        Assert.Equal(DialogTurnStatus.Complete, client.LastResult!.Status);
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
    public async Task ValidatorCanRejectARecognisedAnswer()
    {
        PromptValidator<FoundChoice> onlySecond = (ctx, ct) => Task.FromResult(ctx.Recognized.Succeeded && ctx.Recognized.Value!.Index == 1);
        var client = new DialogTestClient(() => new TestComponent("root",
            new WaterfallDialog("ask", [
                (step, ct) => step.PromptAsync("prompt", new PromptOptions { Prompt = MessageFactory.Text("?"), RetryPrompt = MessageFactory.Text("Pas celle-là."), Choices = Choices }, ct),
                Steps.EchoResult("ok "),
            ]),
            new ChoicePrompt("prompt", onlySecond) { Style = ListStyle.None }));
        await client.Flow()
            .Send("bonjour").AssertReply("?")
            .Send("1").AssertReply("Pas celle-là.")
            .Send("2").AssertReply("ok BotDialogs.Choices.FoundChoice")
            .StartTestAsync();
    }

    [Fact]
    public async Task TextPromptAcceptsAnyText()
    {
        var client = new DialogTestClient(() => new TestComponent("root",
            new WaterfallDialog("ask", [Steps.AskText("text", "Nom ?"), Steps.EchoResult("nom=")]),
            new TextPrompt("text")));
        await client.SendAsync("bonjour");
        Assert.Equal("nom=Alice", Assert.Single(await client.SendAsync("Alice")).Text);
    }

    [Fact]
    public async Task NonMessageActivitiesDoNotCountAsAnswers()
    {
        var client = new DialogTestClient(() => PromptHarness.Choice(Choices));
        await client.SendAsync("bonjour");
        var typing = client.Adapter.MakeActivity();
        typing.Type = Microsoft.Bot.Schema.ActivityTypes.Typing;
        Assert.Empty(await client.SendAsync(typing));
        Assert.Equal(0, (int)client.StoredConversation.SelectToken("DialogState.dialogStack[0].state.dialogs.dialogStack[0].state.state.AttemptCount")!);
    }
}
