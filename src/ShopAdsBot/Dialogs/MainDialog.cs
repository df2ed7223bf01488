using BotDialogs;
using BotDialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Cards;
using ShopAdsBot.Content;
using ShopAdsBot.Dialogs.Input;
using ShopAdsBot.Dialogs.Prompts;
using ShopAdsBot.Insights;
using ShopAdsBot.Localization;
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
    private readonly ContentCatalog content;
    private readonly BotReplies replies;
    private readonly IBranchRecognizer recognizer;
    private readonly NodeChoices choices;
    private readonly InsightsRecorder insights;

    public MainDialog(ContentCatalog content, BotReplies replies, IBranchRecognizer recognizer, InsightsRecorder insights)
        : base(nameof(MainDialog))
    {
        this.content = content;
        this.replies = replies;
        this.recognizer = recognizer;
        choices = new NodeChoices(content);
        this.insights = insights;

        foreach (var flow in content.Flows.Values)
        {
            AddDialog(new FlowDialog(flow, content, replies, insights));
        }
        AddDialog(new CardChoicePrompt(PromptIds.Choice, NodeCard, ChoicesOf));
        AddDialog(new CardConfirmPrompt(PromptIds.Confirm, NodeCard));
    }

    /// <summary>The flow position of the innermost troubleshooting flow on the stack, if any.</summary>
    public static FlowPosition? ActivePosition(DialogContext innerDc) =>
        innerDc.Stack.Select(FlowDialog.PositionOf).FirstOrDefault(p => p != null);

    /// <summary>
    /// The active position, or null when the stored stack does not fit the content any more: a deploy may rename or
    /// remove a branch or a node while conversations are stored mid-flow, and going on would answer the wrong question.
    /// </summary>
    private bool TryCheckPosition(DialogContext innerDc, out FlowPosition? active)
    {
        active = null;
        foreach (var entry in innerDc.Stack.Where(e => e.Id is not PromptIds.Choice and not PromptIds.Confirm))
        {
            var position = FlowDialog.PositionOf(entry);
            if (position == null || position.Branch != entry.Id || FindNode(position) == null)
            {
                return false;
            }
            active ??= position;
        }
        return true;
    }

    /// <summary>The card of the node a prompt's options name (see <see cref="FlowDialog"/>), in the turn's language.</summary>
    private IMessageActivity? NodeCard(ITurnContext turnContext, PromptOptions options, bool isRetry) =>
        FlowPosition.From(options.Validations) is { } position && FindNode(position) is { } node
            ? replies.NodeCard(content.Flow(position.Branch), node, BotLanguage.Of(turnContext), isRetry)
            : null;

    /// <summary>The choices, with titles and synonyms, of the node a prompt's options name (they store only the ids).</summary>
    private IList<Choice>? ChoicesOf(PromptOptions options) =>
        FlowPosition.From(options.Validations) is { } position ? choices.For(position) : null;

    private FlowNode? FindNode(FlowPosition position) =>
        content.Flows.GetValueOrDefault(position.Branch)?.FindNode(position.Node);

    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default) =>
        HandleTurnAsync(innerDc, cancellationToken);

    protected override Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default) =>
        HandleTurnAsync(innerDc, cancellationToken);

    private async Task<DialogTurnResult> HandleTurnAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        var language = BotLanguage.Of(context);
        var input = DialogInput.FromTurn(context);
        if (!TryCheckPosition(innerDc, out var position))
        {
            // Stored state that no longer fits the content: drop it without ending dialogs that may not exist, apologise.
            innerDc.Stack.Clear();
            await context.SendActivitiesAsync(replies.Recovered(language), cancellationToken);
            return Done;
        }

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
            case GlobalCommand.Continue when position != null:
                // « Continuer » after a long pause (IdleConversationMiddleware): the current step again.
                await innerDc.RepromptDialogAsync(cancellationToken);
                return Dialog.EndOfTurn;
            case GlobalCommand.Continue:
                return await ShowMenuAsync(context, language, cancellationToken);
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
        if (stamp.Branch == CardFactory.MenuFlow)
        {
            // The menu, the welcome card and the suggestions work at any time: they begin the chosen branch.
            return content.Flows.ContainsKey(stamp.Choice)
                ? await BeginBranchAsync(innerDc, stamp.Choice, BranchVia.Menu, null, null, cancellationToken)
                : await ShowMenuAsync(context, language, cancellationToken);
        }

        if (position != null && position.Branch == stamp.Branch && position.Node == stamp.Node)
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
        if (content.Flows.TryGetValue(stamp.Branch, out var flow) && flow.FindNode(stamp.Node) != null)
        {
            // No flow is active any more: pick the conversation up again at that card's step.
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            insights.BranchStarted(context, flow.Id, BranchVia.Resume);
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
        await EmulatorTrace.SendAsync(context, "Route", () => JObject.FromObject(new RouteTrace(route)), cancellationToken);

        if (route.Confidence == Confidence.High)
        {
            var title = content.Flow(route.TopIntent).Title.Get(language);
            await context.SendActivityAsync(replies.Text("routedTo", language, ("title", title)), cancellationToken);
            return await BeginBranchAsync(innerDc, route.TopIntent, BranchVia.Text, route.Score, route.StartChoice, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            insights.NotUnderstood(context, text, route);
        }

        if (position != null)
        {
            // In the middle of a flow, a weak guess never interrupts it: the prompt asks again.
            return await ContinueFlowAsync(innerDc, cancellationToken);
        }

        if (route.Clarify is { } clarify)
        {
            // Two neighbours too close to call (the two Business Center errors, say): ask which, rather than guess.
            // For insights it is a suggestion of two branches (the one clicked is started "via suggestion").
            await insights.SuggestionOfferedAsync(context, [clarify.First, clarify.Second], cancellationToken);
            await context.SendActivityAsync(replies.Clarify(clarify, language), cancellationToken);
            return Done;
        }

        if (route.Confidence == Confidence.Medium)
        {
            var top = route.Alternatives.Take(3).Select(a => a.Branch).ToList();
            await insights.SuggestionOfferedAsync(context, top, cancellationToken);
            await context.SendActivityAsync(replies.Suggestions(top, language), cancellationToken);
            return Done;
        }

        await context.SendActivityAsync(replies.NoticeWithMenu("outOfScope", language), cancellationToken);
        return Done;
    }

    /// <summary>Whether typed text is an answer to the active node: one of its choices, or a yes or no at an answer.</summary>
    private bool AnswersThePrompt(DialogInput input, FlowPosition position)
    {
        var node = FindNode(position);
        if (node == null)
        {
            return false;
        }
        return node.IsQuestion
            ? ChoiceRecognizer.Recognize(input, choices.For(position) ?? []) != null
            : ConfirmRecognizer.Recognize(input) != null;
    }

    /// <summary>Begins a branch at its first question, or, when the message already answered it, at that answer (said in one line).</summary>
    private async Task<DialogTurnResult> BeginBranchAsync(DialogContext innerDc, string branch, string via, double? score, string? startChoice, CancellationToken cancellationToken)
    {
        await innerDc.CancelAllDialogsAsync(cancellationToken);
        var flow = content.Flow(branch);
        insights.BranchStarted(innerDc.Context, flow.Id, via, score);
        var answer = flow.FindNode(flow.Start)?.Choices.FirstOrDefault(c => c.Id == startChoice);
        if (answer != null)
        {
            var language = BotLanguage.Of(innerDc.Context);
            await innerDc.Context.SendActivityAsync(replies.Text("startedAtAnswer", language, ("answer", answer.Title.Get(language))), cancellationToken);
        }
        return await innerDc.BeginDialogAsync(flow.Id, new FlowPosition(flow.Id, answer?.Next ?? flow.Start), cancellationToken);
    }

    private async Task<DialogTurnResult> ContinueFlowAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        // Typed mid-flow after a long pause: ask « Continuer ou recommencer ? » rather than carry on from a forgotten step.
        if (Lifecycle.IdleConversationMiddleware.IsReturningAfterIdle(innerDc.Context) && ActivePosition(innerDc) is { } position)
        {
            await innerDc.Context.SendActivityAsync(replies.ResumeQuestion(position, BotLanguage.Of(innerDc.Context)), cancellationToken);
            return Dialog.EndOfTurn;
        }
        var result = await innerDc.ContinueDialogAsync(cancellationToken);
        return result.Status == DialogTurnStatus.Empty ? Done : result;
    }

    private async Task<DialogTurnResult> ShowMenuAsync(ITurnContext context, string language, CancellationToken cancellationToken)
    {
        await context.SendActivityAsync(replies.Menu(language), cancellationToken);
        return Done;
    }

    private static DialogTurnResult Done => new(DialogTurnStatus.Complete);
}
