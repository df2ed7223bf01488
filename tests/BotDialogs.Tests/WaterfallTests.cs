using BotDialogs.Tests.Support;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace BotDialogs.Tests;

public class WaterfallTests
{
    private static Dialog Profile() => new TestComponent("root",
        new WaterfallDialog("profile", [
            Steps.AskText("text", "Votre nom ?"),
            (step, ct) =>
            {
                step.Values["name"] = step.Result!;
                return step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Votre boutique ?") }, ct);
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"{step.Values["name"]} / {step.Result}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]),
        new TextPrompt("text"));

    [Fact]
    public async Task StepsProgressOneAnswerPerTurnWithValuesKeptInStorage()
    {
        var client = new DialogTestClient(Profile);
        await client.Flow()
            .Send("bonjour").AssertReply("Votre nom ?")
            .Send("Alice").AssertReply("Votre boutique ?")
            .Send("Chez Alice").AssertReply("Alice / Chez Alice")
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, client.LastResult!.Status);
    }

    [Fact]
    public async Task StepValuesAndIndexArePersistedAsJsonWithTheDialogStack()
    {
        var client = new DialogTestClient(Profile);
        await client.SendAsync("bonjour");
        await client.SendAsync("Alice");

        var inner = client.StoredConversation.SelectToken("DialogState.dialogStack[0].state.dialogs.dialogStack")!;
        Assert.Equal(new[] { "text", "profile" }, inner.Select(e => (string)e["id"]!));
        Assert.Equal("Alice", (string?)inner[1]!.SelectToken("state.values.name"));
        Assert.Equal(1, (int)inner[1]!.SelectToken("state.stepIndex")!);
        Assert.Equal(0, (int)inner[0]!.SelectToken("state.state.AttemptCount")!);
    }

    [Fact]
    public async Task NextAsyncSkipsAQuestionWhoseAnswerIsKnown()
    {
        var client = new DialogTestClient(() => new TestComponent("root",
            new WaterfallDialog("start", [
                (step, ct) => step.BeginDialogAsync("profile", new JObject { ["name"] = "Bob" }, ct),
            ]),
            new WaterfallDialog("profile", [
                (step, ct) => step.Options is JObject o && o.Value<string>("name") is { } known
                    ? step.NextAsync(known, ct)
                    : step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Votre nom ?") }, ct),
                Steps.EchoResult("Bonjour "),
            ]),
            new TextPrompt("text")));

        await client.Flow().Send("salut").AssertReply("Bonjour Bob").StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, client.LastResult!.Status);
        Assert.Equal("Bob", client.LastResult.Result);
    }

    [Fact]
    public async Task NextAsyncTwiceInOneStepIsRefused()
    {
        var client = new DialogTestClient(() => new WaterfallDialog("w", [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (step, ct) => Task.FromResult(Dialog.EndOfTurn),
        ]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync("x"));
    }

    [Fact]
    public async Task ReplaceDialogLoopsWithoutGrowingTheStack()
    {
        // A counter passed as options: each loop replaces the dialog by itself, until the user says "fin".
        var client = new DialogTestClient(() => new TestComponent("root",
            new WaterfallDialog("loop", [
                (step, ct) =>
                {
                    var round = step.Options is long n ? n : 1;
                    step.Values["round"] = round;
                    return step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text($"Tour {round}") }, ct);
                },
                async (step, ct) => (string)step.Result! == "fin"
                    ? await step.EndDialogAsync("terminé", ct)
                    : await step.ReplaceDialogAsync("loop", Convert.ToInt64(step.Values["round"]) + 1, ct),
            ]),
            new TextPrompt("text")));

        await client.Flow()
            .Send("go").AssertReply("Tour 1")
            .Send("encore").AssertReply("Tour 2")
            .Send("encore").AssertReply("Tour 3")
            .StartTestAsync();
        var inner = client.StoredConversation.SelectToken("DialogState.dialogStack[0].state.dialogs.dialogStack")!;
        Assert.Equal(2, inner.Count()); // the prompt and one loop instance, not one per round

        await client.SendAsync("fin");
        Assert.Equal(DialogTurnStatus.Complete, client.LastResult!.Status);
        Assert.Equal("terminé", client.LastResult.Result);
    }

    [Fact]
    public async Task MenuLoopsBackAfterABranchEnds()
    {
        var client = new DialogTestClient(() => new Menu());
        await client.Flow()
            .Send("salut").AssertReply("Menu : que voulez-vous faire ?")
            .Send("Facturation").AssertReply("Choisi : billing").AssertReply("Menu : que voulez-vous faire ?")
            .Send("1").AssertReply("Boutique connectée ?")
            .Send("oui").AssertReply("Parfait.").AssertReply("Menu : que voulez-vous faire ?")
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Waiting, client.LastResult!.Status);
    }
}
