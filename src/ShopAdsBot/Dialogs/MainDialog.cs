using BotDialogs;
using BotDialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.TraceExtensions;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Cards;
using ShopAdsBot.Content;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Dialogs;

/// <summary>
/// The root dialog. Its inner stack holds at most one troubleshooting flow (a <see cref="FlowDialog"/>) and its prompt.
/// Every turn it first looks at the input as a whole (OnContinueDialogAsync, the interruption hook of the samples):
/// a global command, a click on the menu, a click on an old card, or free text that names a new problem.
/// Otherwise the active flow's prompt takes the answer.
/// </summary>
public class MainDialog : ComponentDialog
{
    private readonly BotReplies replies;
    private readonly ShopAdsRecognizer recognizer;

    public MainDialog(BotReplies replies, ShopAdsRecognizer recognizer)
        : base(nameof(MainDialog))
    {
        this.replies = replies;
        this.recognizer = recognizer;

        foreach (var flow in replies.Content.Flows.Values)
        {
            AddDialog(new FlowDialog(flow, replies));
        }
        AddDialog(new ChoicePrompt(PromptIds.Choice) { Renderer = replies.RenderPromptAsync });
        AddDialog(new ConfirmPrompt(PromptIds.Confirm) { Renderer = replies.RenderPromptAsync });
    }

    /// <summary>The flow position of the innermost troubleshooting flow on the stack, if any.</summary>
    public static FlowPosition? ActivePosition(DialogContext innerDc) =>
        innerDc.Stack.Select(FlowDialog.PositionOf).FirstOrDefault(p => p != null);

    /// <summary>
    /// The active position, after checking that every flow on the stored stack still exists in the content with its node.
    /// A deploy may rename or remove a branch or a node while conversations are stored mid-flow: going on would show a
    /// card-less retry or answer for the wrong question, so such a stack is handed to <see cref="OnDialogStateRecoveryAsync"/>.
    /// </summary>
    private FlowPosition? CheckedPosition(DialogContext innerDc)
    {
        FlowPosition? active = null;
        foreach (var entry in innerDc.Stack.Where(e => e.Id is not PromptIds.Choice and not PromptIds.Confirm))
        {
            var position = FlowDialog.PositionOf(entry);
            if (position == null || position.Branch != entry.Id
                || !replies.Content.Flows.TryGetValue(position.Branch, out var flow) || flow.FindNode(position.Node) == null)
            {
                throw new DialogStateRecoveryException($"The stored stack holds '{entry.Id}' at a step the content no longer has.", entry.Id);
            }
            active ??= position;
        }
        return active;
    }

    /// <summary>Stored state that no longer fits the content (a flow or node removed by a deploy): apologise, show the menu.</summary>
    public override async Task<DialogTurnResult> OnDialogStateRecoveryAsync(DialogContext dc, DialogStateRecoveryException reason, CancellationToken cancellationToken = default)
    {
        var language = BotReplies.LanguageOf(dc.Context);
        await dc.Context.SendActivityAsync(replies.Text("recovered", language), cancellationToken);
        await dc.Context.SendActivityAsync(replies.Menu(language), cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Complete);
    }

    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default) =>
        HandleTurnAsync(innerDc, cancellationToken);

    protected override Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default) =>
        HandleTurnAsync(innerDc, cancellationToken);

    private async Task<DialogTurnResult> HandleTurnAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        var language = BotReplies.LanguageOf(context);
        var input = DialogInput.FromTurn(context);
        var position = CheckedPosition(innerDc);

        switch (GlobalCommands.Parse(input))
        {
            case GlobalCommand.Menu:
                await innerDc.CancelAllDialogsAsync(cancellationToken);
                await context.SendActivityAsync(replies.Menu(language), cancellationToken);
                return Done;
            case GlobalCommand.Restart:
                await innerDc.CancelAllDialogsAsync(cancellationToken);
                await context.SendActivityAsync(replies.Text("restarted", language), cancellationToken);
                await context.SendActivityAsync(replies.Menu(language), cancellationToken);
                return Done;
            case GlobalCommand.Cancel:
                await innerDc.CancelAllDialogsAsync(cancellationToken);
                await context.SendActivityAsync(replies.NoticeWithMenu("cancelled", language), cancellationToken);
                return Done;
            case GlobalCommand.Help:
                await context.SendActivityAsync(replies.Text("help", language), cancellationToken);
                if (position != null)
                {
                    await innerDc.RepromptDialogAsync(cancellationToken);
                    return Dialog.EndOfTurn;
                }
                await context.SendActivityAsync(replies.Menu(language), cancellationToken);
                return Done;
            case GlobalCommand.Greeting when position == null:
                await context.SendActivityAsync(replies.Welcome(language), cancellationToken);
                return Done;
            case GlobalCommand.Thanks when position == null:
                await context.SendActivityAsync(replies.Text("thanksReply", language), cancellationToken);
                return Done;
        }

        if (CardStamp.From(input) is { } stamp)
        {
            return await HandleClickAsync(innerDc, stamp, position, language, cancellationToken);
        }

        if (position != null && (input.Text is null || AnswersThePrompt(input, position)))
        {
            return await ContinueFlowAsync(innerDc, cancellationToken);
        }

        return await RouteFreeTextAsync(innerDc, input.Text, position, language, cancellationToken);
    }

    private async Task<DialogTurnResult> HandleClickAsync(DialogContext innerDc, CardStamp stamp, FlowPosition? position, string language, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        if (stamp.Flow == CardFactory.MenuFlow)
        {
            // The menu, the welcome card and the suggestions work at any time: they begin the chosen branch.
            return replies.Content.Flows.ContainsKey(stamp.Choice)
                ? await BeginBranchAsync(innerDc, stamp.Choice, cancellationToken)
                : await ShowMenuAsync(context, language, cancellationToken);
        }

        if (position != null && position.Branch == stamp.Flow && position.Node == stamp.Node)
        {
            return await ContinueFlowAsync(innerDc, cancellationToken);
        }

        // A button of a card from an earlier step: say so, and show where the seller really is.
        await context.SendActivityAsync(replies.Text("staleClick", language), cancellationToken);
        if (position != null)
        {
            await innerDc.RepromptDialogAsync(cancellationToken);
            return Dialog.EndOfTurn;
        }
        if (replies.Content.Flows.TryGetValue(stamp.Flow, out var flow) && flow.FindNode(stamp.Node) != null)
        {
            // No flow is active any more: pick the conversation up again at that card's step.
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            return await innerDc.BeginDialogAsync(flow.Id, new FlowPosition(flow.Id, stamp.Node), cancellationToken);
        }
        return await ShowMenuAsync(context, language, cancellationToken);
    }

    private async Task<DialogTurnResult> RouteFreeTextAsync(DialogContext innerDc, string? text, FlowPosition? position, string language, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        if (string.IsNullOrWhiteSpace(text) && position == null)
        {
            // Nothing to understand (an attachment, or a bare @mention in Teams): show what the bot can do.
            return await ShowMenuAsync(context, language, cancellationToken);
        }

        var route = recognizer.Recognize(text, context.Activity.Locale);
        await TraceAsync(context, "Route", JObject.FromObject(new RouteTrace(route)), cancellationToken);

        if (route.Confidence == Confidence.High)
        {
            var title = replies.Content.Flow(route.TopIntent).Title.Get(language);
            await context.SendActivityAsync(replies.Text("routedTo", language, ("title", title)), cancellationToken);
            return await BeginBranchAsync(innerDc, route.TopIntent, cancellationToken, route.StartChoice);
        }

        if (position != null)
        {
            // In the middle of a flow, a weak guess never interrupts it: the prompt asks again.
            return await ContinueFlowAsync(innerDc, cancellationToken);
        }

        if (route.Clarify is { } clarify)
        {
            // Two neighbours too close to call (the two Business Center errors, say): ask which, rather than guess.
            await context.SendActivityAsync(replies.Clarify(clarify, language), cancellationToken);
            return Done;
        }

        if (route.Confidence == Confidence.Medium)
        {
            var top = route.Alternatives.Take(3).Select(a => a.Branch).ToList();
            await context.SendActivityAsync(replies.Suggestions(top, language), cancellationToken);
            return Done;
        }

        await context.SendActivityAsync(replies.NoticeWithMenu("outOfScope", language), cancellationToken);
        return Done;
    }

    /// <summary>Whether typed text is an answer to the active node: one of its choices, or a yes or no at an answer.</summary>
    private bool AnswersThePrompt(DialogInput input, FlowPosition position)
    {
        var node = replies.Content.Flows.GetValueOrDefault(position.Branch)?.FindNode(position.Node);
        if (node == null)
        {
            return false;
        }
        return node.IsQuestion
            ? ChoiceRecognizer.Recognize(input, BotReplies.ChoicesOf(node)) != null
            : ConfirmRecognizer.Recognize(input) != null;
    }

    /// <summary>Begins a branch at its first question, or, when the message already answered it, at that answer (said in one line).</summary>
    private async Task<DialogTurnResult> BeginBranchAsync(DialogContext innerDc, string branch, CancellationToken cancellationToken, string? startChoice = null)
    {
        await innerDc.CancelAllDialogsAsync(cancellationToken);
        var flow = replies.Content.Flow(branch);
        var answer = flow.FindNode(flow.Start)?.Choices.FirstOrDefault(c => c.Id == startChoice);
        if (answer != null)
        {
            var language = BotReplies.LanguageOf(innerDc.Context);
            await innerDc.Context.SendActivityAsync(replies.Text("startedAtAnswer", language, ("answer", answer.Title.Get(language))), cancellationToken);
        }
        return await innerDc.BeginDialogAsync(flow.Id, new FlowPosition(flow.Id, answer?.Next ?? flow.Start), cancellationToken);
    }

    private static async Task<DialogTurnResult> ContinueFlowAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var result = await innerDc.ContinueDialogAsync(cancellationToken);
        return result.Status == DialogTurnStatus.Empty ? Done : result;
    }

    private async Task<DialogTurnResult> ShowMenuAsync(ITurnContext context, string language, CancellationToken cancellationToken)
    {
        await context.SendActivityAsync(replies.Menu(language), cancellationToken);
        return Done;
    }

    /// <summary>Traces are for the Emulator's inspector only (DESIGN.md): other channels, even with expectReplies, never see them.</summary>
    public static async Task TraceAsync(ITurnContext context, string name, JObject value, CancellationToken cancellationToken)
    {
        if (context.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Emulator)
        {
            await context.TraceActivityAsync(name, value, name, $"{name} trace", cancellationToken);
        }
    }

    private static DialogTurnResult Done => new(DialogTurnStatus.Complete);
}
