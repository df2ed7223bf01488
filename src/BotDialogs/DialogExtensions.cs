using Microsoft.Bot.Builder;

namespace BotDialogs;

/// <summary>The one call a bot makes per turn, as in Microsoft.Bot.Builder.Dialogs' DialogExtensions.</summary>
public static class DialogExtensions
{
    /// <summary>
    /// Runs <paramref name="dialog"/> as the root of the conversation's stack: continues the active dialog, or begins the
    /// root when the stack is empty. The caller saves ConversationState afterwards.
    /// </summary>
    public static async Task RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);

        var dialogSet = new DialogSet(accessor).Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
