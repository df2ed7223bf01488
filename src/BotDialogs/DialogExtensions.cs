using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace BotDialogs;

/// <summary>The one call a bot makes per turn, like Microsoft.Bot.Builder.Dialogs' DialogExtensions.RunAsync.</summary>
public static class DialogExtensions
{
    /// <summary>
    /// Runs <paramref name="dialog"/> as the root of the conversation's stack: normalises the input once
    /// (<see cref="DialogInput.FromTurn"/>), continues the active dialog, or begins the root when the stack is empty.
    /// When the stored stack no longer fits the code (<see cref="DialogStateRecoveryException"/>, or state that cannot be
    /// read), the stack is cleared and <see cref="Dialog.OnDialogStateRecoveryAsync"/> decides what happens; no exception
    /// reaches the user for that. The caller still saves ConversationState afterwards.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);
        DialogInput.FromTurn(turnContext);

        var dialogSet = new DialogSet(accessor).Add(dialog);
        DialogContext dc;
        try
        {
            dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or InvalidCastException)
        {
            // Unreadable stored state: start from an empty stack.
            await accessor.SetAsync(turnContext, new DialogState(), cancellationToken).ConfigureAwait(false);
            dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return await RecoverAsync(dialog, dc, new DialogStateRecoveryException("The stored dialog state could not be read.", null, e), cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            if (result.Status == DialogTurnStatus.Empty)
            {
                result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        catch (DialogStateRecoveryException e)
        {
            return await RecoverAsync(dialog, dc, e, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<DialogTurnResult> RecoverAsync(Dialog dialog, DialogContext dc, DialogStateRecoveryException reason, CancellationToken cancellationToken)
    {
        // Drop the stack without calling EndDialogAsync on entries that may not fit the code any more.
        dc.Stack.Clear();
        return dialog.OnDialogStateRecoveryAsync(dc, reason, cancellationToken);
    }
}
