using BotDialogs.Choices;
using Microsoft.Bot.Builder;

namespace BotDialogs.Tests.Support;

/// <summary>
/// A small bot like the real one: a root component with a menu (choice prompt) that begins a branch, a branch that
/// asks a question, interruptions ("menu", "annuler", "aide") handled at the root.
/// </summary>
internal sealed class Menu : ComponentDialog
{
    public static readonly IList<Choice> Choices =
    [
        new Choice("connect") { Synonyms = ["Connecter ma boutique", "Connect my shop"] },
        new Choice("create") { Synonyms = ["Créer une annonce", "Create an ad"] },
        new Choice("billing") { Synonyms = ["Facturation", "Billing"] },
    ];

    public Menu(string branchId = "connect-flow", Dialog? branch = null)
        : base("root")
    {
        AddDialog(new WaterfallDialog("menu", [AskAsync, BeginBranchAsync, LoopAsync]));
        AddDialog(new ChoicePrompt("choice") { Style = ListStyle.None });
        AddDialog(new ConfirmPrompt("confirm") { Style = ListStyle.None });
        AddDialog(branch ?? new WaterfallDialog(branchId, [
            (step, ct) => step.PromptAsync("confirm", new PromptOptions { Prompt = MessageFactory.Text("Boutique connectée ?") }, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(step.Result is true ? "Parfait." : "Voici l'aide.", cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]));
        BranchId = branchId;
        InitialDialogId = "menu";
    }

    public string BranchId { get; }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        switch (innerDc.Context.Activity.Text?.Trim().ToLowerInvariant())
        {
            case "menu":
                await innerDc.CancelAllDialogsAsync(cancellationToken);
                return await innerDc.BeginDialogAsync("menu", null, cancellationToken);
            case "annuler":
                await innerDc.Context.SendActivityAsync("Conversation annulée.", cancellationToken: cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            case "aide":
                // Answers, then lets the active prompt see the turn: the prompt must not add a retry message.
                await innerDc.Context.SendActivityAsync("Voici de l'aide.", cancellationToken: cancellationToken);
                break;
        }

        return await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken ct)
        => step.PromptAsync("choice", new PromptOptions { Prompt = MessageFactory.Text("Menu : que voulez-vous faire ?"), Choices = Choices }, ct);

    private async Task<DialogTurnResult> BeginBranchAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var choice = (FoundChoice)step.Result!;
        if (choice.Value == "connect")
        {
            return await step.BeginDialogAsync(BranchId, null, ct);
        }

        await step.Context.SendActivityAsync($"Choisi : {choice.Value}", cancellationToken: ct);
        return await step.NextAsync(null, ct);
    }

    private static Task<DialogTurnResult> LoopAsync(WaterfallStepContext step, CancellationToken ct)
        => step.ReplaceDialogAsync("menu", null, ct);
}
