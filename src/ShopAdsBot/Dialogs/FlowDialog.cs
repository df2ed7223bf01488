using BotDialogs;
using BotDialogs.Choices;
using Microsoft.Bot.Builder;
using ShopAdsBot.Cards;
using ShopAdsBot.Content;
using ShopAdsBot.Insights;

namespace ShopAdsBot.Dialogs;

/// <summary>
/// One troubleshooting branch (a flow file of dialogs/) compiled into a WaterfallDialog. Each pass shows one node
/// and waits for the answer; the next node begins with ReplaceDialogAsync, the loop idiom of the BotBuilder samples.
/// A question node is a ChoicePrompt over its choices; an answer node is a ConfirmPrompt:
/// « Cela a-t-il résolu votre problème ? » Oui ends the flow, Non goes to the next remedy, then to support.
/// </summary>
public class FlowDialog : WaterfallDialog
{
    private readonly FlowDefinition flow;
    private readonly BotReplies replies;
    private readonly InsightsRecorder insights;

    public FlowDialog(FlowDefinition flow, BotReplies replies, InsightsRecorder insights)
        : base(flow.Id)
    {
        this.flow = flow;
        this.replies = replies;
        this.insights = insights;
        AddStep(ShowNodeStepAsync);
        AddStep(FollowAnswerStepAsync);
    }

    /// <summary>The position stored in a FlowDialog's stack entry (the waterfall keeps its options under "options").</summary>
    public static FlowPosition? PositionOf(DialogInstance instance) =>
        instance.State.TryGetValue("options", out var options) ? FlowPosition.From(options) : null;

    private async Task<DialogTurnResult> ShowNodeStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var node = flow.FindNode(FlowPosition.From(step.Options)?.Node) ?? flow.StartNode;
        var promptOptions = replies.PromptFor(flow, node, BotReplies.LanguageOf(step.Context));
        return await step.PromptAsync(node.IsQuestion ? PromptIds.Choice : PromptIds.Confirm, promptOptions, cancellationToken);
    }

    private async Task<DialogTurnResult> FollowAnswerStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var language = BotReplies.LanguageOf(step.Context);
        var node = flow.FindNode(FlowPosition.From(step.Options)?.Node) ?? flow.StartNode;
        if (step.Result is bool resolved)
        {
            // « Cela a-t-il résolu votre problème ? » answered: the loop that tells which answers fail.
            insights.AnswerRated(step.Context, flow.Id, node.Id, resolved);
        }

        switch (step.Result)
        {
            case FoundChoice found when node.IsQuestion && node.Choices.FirstOrDefault(c => c.Id == found.Value) is { } choice:
                return await ContinueAtAsync(step, flow.Id, choice.Next, cancellationToken);

            case true:
                await step.Context.SendActivityAsync(replies.NoticeWithMenu("resolvedThanks", language), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);

            case false when node.Next != null:
                return await ContinueAtAsync(step, flow.Id, node.Next, cancellationToken);

            case false when flow.Id != ContentCatalog.SupportBranchId:
                // No remedy left in this branch: escalate to the support-contact answer.
                insights.Escalated(step.Context, flow.Id, node.Id);
                await step.Context.SendActivityAsync(replies.Text("escalationIntro", language), cancellationToken);
                var support = replies.Content.Flow(ContentCatalog.SupportBranchId);
                return await step.ReplaceDialogAsync(support.Id, new FlowPosition(support.Id, support.Start), cancellationToken);

            case false:
                await step.Context.SendActivityAsync(replies.NoticeWithMenu("lastResort", language), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);

            default:
                // PromptNotRecognized: the prompt gave up after its maximum attempts. The text says "back to the main
                // menu", so the menu itself is shown (not just a button to it).
                await step.Context.SendActivityAsync(replies.Text("tooManyAttempts", language), cancellationToken);
                await step.Context.SendActivityAsync(replies.Menu(language), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
        }
    }

    private static Task<DialogTurnResult> ContinueAtAsync(WaterfallStepContext step, string branch, string node, CancellationToken cancellationToken) =>
        step.ReplaceDialogAsync(branch, new FlowPosition(branch, node), cancellationToken);
}
