using BotDialogs.Tests.Support;
using Microsoft.Bot.Builder;

namespace BotDialogs.Tests;

public class ComponentDialogTests
{
    // root -> outer waterfall -> inner component -> inner waterfall -> text prompt: four levels deep.
    private static Dialog Nested() => new TestComponent("root",
        new WaterfallDialog("outer", [
            (step, ct) => step.BeginDialogAsync("inner", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Retour : {step.Result}", cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]),
        new TestComponent("inner",
            new WaterfallDialog("innerFlow", [Steps.AskText("text", "Question interne ?"), Steps.EchoResult("Reçu ")]),
            new TextPrompt("text")))
    {
        Interrupt = async (innerDc, ct) =>
        {
            if (innerDc.Context.Activity.Text == "stop")
            {
                await innerDc.Context.SendActivityAsync("Arrêt.", cancellationToken: ct);
                return await innerDc.CancelAllDialogsAsync(ct);
            }

            return null;
        },
    };

    [Fact]
    public async Task NestedComponentReturnsItsResultToTheOuterWaterfall()
    {
        var client = new DialogTestClient(Nested);
        await client.Flow()
            .Send("go").AssertReply("Question interne ?")
            .Send("42").AssertReply("Reçu 42").AssertReply("Retour : 42")
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, client.LastResult!.Status);
        Assert.Equal("42", client.LastResult.Result);
        Assert.Empty(client.StoredConversation.SelectToken("DialogState.dialogStack")!);
    }

    [Fact]
    public async Task InnerStacksArePersistedInsideTheirComponent()
    {
        var client = new DialogTestClient(Nested);
        await client.SendAsync("go");
        var root = client.StoredConversation.SelectToken("DialogState.dialogStack")!;
        Assert.Equal("root", (string?)root[0]!["id"]);
        var level1 = root[0]!.SelectToken("state.dialogs.dialogStack")!;
        Assert.Equal(new[] { "inner", "outer" }, level1.Select(e => (string)e["id"]!));
        var level2 = level1[0]!.SelectToken("state.dialogs.dialogStack")!;
        Assert.Equal(new[] { "text", "innerFlow" }, level2.Select(e => (string)e["id"]!));
    }

    [Fact]
    public async Task InterruptionAtTheRootCancelsEveryLevel()
    {
        var client = new DialogTestClient(Nested);
        await client.Flow()
            .Send("go").AssertReply("Question interne ?")
            .Send("stop").AssertReply("Arrêt.")
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, client.LastResult!.Status); // the root ended: its inner stack was cancelled
        Assert.Empty(client.StoredConversation.SelectToken("DialogState.dialogStack")!);

        // The next message starts afresh.
        await client.Flow().Send("go").AssertReply("Question interne ?").StartTestAsync();
    }

    [Fact]
    public async Task MenuInterruptionFromInsideABranchRestartsTheMenu()
    {
        var client = new DialogTestClient(() => new Menu());
        await client.Flow()
            .Send("bonjour").AssertReply("Menu : que voulez-vous faire ?")
            .Send("Connecter ma boutique").AssertReply("Boutique connectée ?")
            .Send("Menu").AssertReply("Menu : que voulez-vous faire ?")
            .Send("2").AssertReply("Choisi : create").AssertReply("Menu : que voulez-vous faire ?")
            .StartTestAsync();
        var inner = client.StoredConversation.SelectToken("DialogState.dialogStack[0].state.dialogs.dialogStack")!;
        Assert.Equal(new[] { "choice", "menu" }, inner.Select(e => (string)e["id"]!));
    }

    [Fact]
    public async Task CancelAllFromTheRootEndsTheConversationStack()
    {
        var client = new DialogTestClient(() => new Menu());
        await client.Flow()
            .Send("bonjour").AssertReply("Menu : que voulez-vous faire ?")
            .Send("1").AssertReply("Boutique connectée ?")
            .Send("annuler").AssertReply("Conversation annulée.")
            .StartTestAsync();
        Assert.Empty(client.StoredConversation.SelectToken("DialogState.dialogStack")!);
    }

    [Fact]
    public async Task CancelAllDialogsReportsCancelledAndEndsEachDialog()
    {
        var ended = new List<string>();
        var client = new DialogTestClient(() => new TestComponent("root",
            new RecordingWaterfall("a", ended, [(step, ct) => step.BeginDialogAsync("b", null, ct)]),
            new RecordingWaterfall("b", ended, [(step, ct) => Task.FromResult(Dialog.EndOfTurn)]))
        {
            Interrupt = (innerDc, ct) => innerDc.CancelAllDialogsAsync(ct)!,
        });
        await client.SendAsync("go");
        await client.SendAsync("again");
        Assert.Equal(new[] { "b:CancelCalled", "a:CancelCalled" }, ended);
    }

    [Fact]
    public async Task CancelAllOnAnEmptyStackIsEmpty()
    {
        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter();
        await new Microsoft.Bot.Builder.Adapters.TestFlow(adapter, async (ctx, ct) =>
        {
            var dc = new DialogContext(new DialogSet(), ctx, new DialogState());
            var result = await dc.CancelAllDialogsAsync(ct);
            await ctx.SendActivityAsync(result.Status.ToString(), cancellationToken: ct);
        }).Send("x").AssertReply("Empty").StartTestAsync();
    }

    [Fact]
    public async Task ActiveDialogAndChildShowTheStackAtEveryDepth()
    {
        var seen = new List<string>();
        var client = new DialogTestClient(() => new TestComponent("root",
            new WaterfallDialog("outer", [(step, ct) => step.BeginDialogAsync("inner", null, ct), Steps.EchoResult("fin ")]),
            new TestComponent("inner", new WaterfallDialog("innerFlow", [Steps.AskText("text", "Q ?"), Steps.EchoResult("")]), new TextPrompt("text")))
        {
            Interrupt = (innerDc, ct) =>
            {
                seen.Add($"{innerDc.ActiveDialog?.Id}>{innerDc.Child?.ActiveDialog?.Id}>{innerDc.Child?.Child?.ActiveDialog?.Id}|{innerDc.Stack.Count}");
                return Task.FromResult<DialogTurnResult?>(null);
            },
        });
        await client.SendAsync("go");
        await client.SendAsync("réponse");
        Assert.Equal(new[] { "inner>text>|2" }, seen);
    }

    private sealed class RecordingWaterfall(string id, List<string> ended, IEnumerable<WaterfallStep> steps) : WaterfallDialog(id, steps)
    {
        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            ended.Add($"{Id}:{reason}");
            return Task.CompletedTask;
        }
    }
}
