using BotDialogs.Tests.Support;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace BotDialogs.Tests;

public class RecoveryTests
{
    [Fact]
    public async Task StoredBranchThatNoLongerExistsApologisesAndRestartsTheMenu()
    {
        // Deployment 1: the branch is called "old-branch"; the user is inside it.
        var client = new DialogTestClient(() => new Menu("old-branch"));
        await client.Flow()
            .Send("bonjour").AssertReply("Menu : que voulez-vous faire ?")
            .Send("1").AssertReply("Boutique connectée ?")
            .StartTestAsync();

        // Deployment 2: the branch was renamed; the stored stack still names the old one.
        client.DialogFactory = () => new Menu("new-branch");
        await client.Flow()
            .Send("oui").AssertReply(Menu.Apology).AssertReply("Menu : que voulez-vous faire ?")
            .Send("1").AssertReply("Boutique connectée ?")
            .Send("oui").AssertReply("Parfait.").AssertReply("Menu : que voulez-vous faire ?")
            .StartTestAsync();
        Assert.DoesNotContain("old-branch", client.StoredConversation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRootDialogIsRecovered()
    {
        var client = new DialogTestClient(() => new Menu());
        await client.SendAsync("bonjour");
        client.DialogFactory = () => new RenamedMenu();
        var replies = await client.TextsAsync("1");
        Assert.Equal(new[] { Menu.Apology, "Menu : que voulez-vous faire ?" }, replies);
    }

    [Theory]
    [InlineData("""{"dialogStack":[{"id":"root","state":{"dialogs":{"dialogStack":[{"id":"choice","state":{}},{"id":"menu","state":{"stepIndex":0}}]}}}]}""")]
    [InlineData("""{"dialogStack":[{"id":"root","state":{"dialogs":{"dialogStack":[{"id":"choice","state":{"options":{"style":"NoSuchStyle"},"state":{"attemptCount":0}}},{"id":"menu","state":{"stepIndex":0}}]}}}]}""")]
    [InlineData("""{"dialogStack":[{"id":"root","state":{"dialogs":"not a stack"}}]}""")]
    [InlineData("""{"dialogStack":[{"state":{}}]}""")]
    public async Task StoredStateOfTheWrongShapeIsRecovered(string storedDialogState)
    {
        var client = new DialogTestClient(() => new Menu());
        await client.SendAsync("bonjour");
        var key = client.Memory.Keys.Single(k => k.Contains("/conversations/", StringComparison.Ordinal));
        client.Memory[key]["DialogState"] = JObject.Parse(storedDialogState);

        var replies = await client.TextsAsync("1");
        Assert.Equal(new[] { Menu.Apology, "Menu : que voulez-vous faire ?" }, replies);
        await client.Flow().Send("1").AssertReply("Boutique connectée ?").StartTestAsync();
    }

    [Fact]
    public async Task UnreadableStoredValueIsRecovered()
    {
        var client = new DialogTestClient(() => new Menu());
        await client.SendAsync("bonjour");
        var key = client.Memory.Keys.Single(k => k.Contains("/conversations/", StringComparison.Ordinal));
        client.Memory[key]["DialogState"] = new JArray(1, 2, 3);

        Assert.Equal(new[] { Menu.Apology, "Menu : que voulez-vous faire ?" }, await client.TextsAsync("1"));
    }

    [Fact]
    public async Task WithoutAnOverrideTheRootSimplyBeginsAgain()
    {
        var client = new DialogTestClient(() => new TestComponent("root",
            new WaterfallDialog("a", [Steps.AskText("text", "Question A"), Steps.EchoResult("A=")]),
            new TextPrompt("text")));
        await client.SendAsync("go");
        client.DialogFactory = () => new TestComponent("root",
            new WaterfallDialog("b", [Steps.AskText("text", "Question B"), Steps.EchoResult("B=")]),
            new TextPrompt("text"));
        await client.Flow().Send("réponse").AssertReply("Question B").StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogReportsAnUnknownStoredDialogWithItsId()
    {
        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter();
        await new Microsoft.Bot.Builder.Adapters.TestFlow(adapter, async (ctx, ct) =>
        {
            var state = new DialogState([new DialogInstance { Id = "gone" }]);
            var dc = new DialogContext(new DialogSet(), ctx, state);
            var e = await Assert.ThrowsAsync<DialogStateRecoveryException>(() => dc.ContinueDialogAsync(ct));
            await ctx.SendActivityAsync(e.DialogId!, cancellationToken: ct);
        }).Send("x").AssertReply("gone").StartTestAsync();
    }

    private sealed class RenamedMenu : ComponentDialog
    {
        private readonly Menu _menu = new();

        public RenamedMenu()
            : base("root-v2")
        {
            AddDialog(_menu);
        }

        public override async Task<DialogTurnResult> OnDialogStateRecoveryAsync(DialogContext dc, DialogStateRecoveryException reason, CancellationToken cancellationToken = default)
        {
            await dc.Context.SendActivityAsync(Menu.Apology, cancellationToken: cancellationToken);
            return await base.OnDialogStateRecoveryAsync(dc, reason, cancellationToken);
        }
    }
}
