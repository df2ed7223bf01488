// For Microsoft.Bot.Builder.Dialogs, the only difference is this using line: using Microsoft.Bot.Builder.Dialogs;
using BotDialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BotDialogs.Compat.Tests.Dialogs;

/// <summary>The CoreBot sample's base dialog: « help » and « cancel » work at any step.</summary>
public class CancelAndHelpDialog : ComponentDialog
{
    private const string HelpMsgText = "Show help here";
    private const string CancelMsgText = "Cancelling...";

    public CancelAndHelpDialog(string id)
        : base(id)
    {
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        var result = await InterruptAsync(innerDc, cancellationToken);
        if (result != null)
        {
            return result;
        }

        return await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    private static async Task<DialogTurnResult> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        if (innerDc.Context.Activity.Type == ActivityTypes.Message)
        {
            var text = innerDc.Context.Activity.Text.ToLowerInvariant();

            switch (text)
            {
                case "help":
                case "?":
                    var helpMessage = MessageFactory.Text(HelpMsgText, HelpMsgText, InputHints.ExpectingInput);
                    await innerDc.Context.SendActivityAsync(helpMessage, cancellationToken);
                    return new DialogTurnResult(DialogTurnStatus.Waiting);

                case "cancel":
                case "quit":
                    var cancelMessage = MessageFactory.Text(CancelMsgText, CancelMsgText, InputHints.IgnoringInput);
                    await innerDc.Context.SendActivityAsync(cancelMessage, cancellationToken);
                    return await innerDc.CancelAllDialogsAsync(cancellationToken);
            }
        }

        return null;
    }
}
