using Microsoft.Bot.Builder;

namespace BotDialogs;

/// <summary>
/// A dialog made of other dialogs, run on its own inner stack (kept in its instance state). Override
/// <see cref="OnContinueDialogAsync"/> to handle interruptions (menu, cancel, help) before the inner dialogs see the turn.
/// </summary>
public class ComponentDialog : DialogContainer
{
    /// <summary>Key of the inner stack in this dialog's instance state.</summary>
    public const string PersistedDialogState = "dialogs";

    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The inner dialog begun first; by default the first one added.</summary>
    public string? InitialDialogId { get; set; }

    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateChildContext(outerDc);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return turnResult.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(outerDc, turnResult.Result, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateChildContext(outerDc);
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return turnResult.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(outerDc, turnResult.Result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A dialog pushed on the outer stack above this component ended: the component is a leaf by design, so it reprompts
    /// its inner stack and waits rather than ending early.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerDc(turnContext, instance, null);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        await OnRepromptDialogAsync(turnContext, instance, cancellationToken).ConfigureAwait(false);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var innerDc = CreateInnerDc(turnContext, instance, null);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    public override DialogContext CreateChildContext(DialogContext dc)
        => CreateInnerDc(dc.Context, dc.ActiveDialog ?? throw new InvalidOperationException("No active dialog."), dc);

    /// <summary>Begins <see cref="InitialDialogId"/> on the inner stack.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default)
        => innerDc.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"ComponentDialog '{Id}' has no dialogs."), options, cancellationToken);

    /// <summary>The hook for interruptions: runs before the inner dialogs; call the base to let them continue.</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
        => innerDc.ContinueDialogAsync(cancellationToken);

    protected virtual Task OnEndDialogAsync(ITurnContext context, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    protected virtual Task OnRepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    /// <summary>The inner stack ended: end this component with its result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
        => outerDc.EndDialogAsync(result, cancellationToken);

    private DialogContext CreateInnerDc(ITurnContext turnContext, DialogInstance instance, DialogContext? outerDc)
    {
        var state = StateValues.Get<DialogState>(instance.State, PersistedDialogState);
        if (state is null)
        {
            state = new DialogState();
            instance.State[PersistedDialogState] = state;
        }

        state.DialogStack ??= [];
        return outerDc is null ? new DialogContext(Dialogs, turnContext, state) : new DialogContext(Dialogs, outerDc, state);
    }
}
