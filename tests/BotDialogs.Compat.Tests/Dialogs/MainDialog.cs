// For Microsoft.Bot.Builder.Dialogs, the only difference is this using line: using Microsoft.Bot.Builder.Dialogs;
using BotDialogs;
using Microsoft.Bot.Builder;

namespace BotDialogs.Compat.Tests.Dialogs;

/// <summary>The CoreBot sample's root: begins the profile dialog with typed options and reads its typed result.</summary>
public class MainDialog : ComponentDialog
{
    public MainDialog(UserProfileDialog profileDialog)
        : base(nameof(MainDialog))
    {
        AddDialog(profileDialog);
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), new WaterfallStep[] { IntroStepAsync, FinalStepAsync }));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private static async Task<DialogTurnResult> IntroStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var options = new ProfileOptions { Greeting = "Hello, let me ask you a few questions.", MinimumAge = 18 };
        return await stepContext.BeginDialogAsync(nameof(UserProfileDialog), options, cancellationToken);
    }

    private static async Task<DialogTurnResult> FinalStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.Result is UserProfile profile)
        {
            await stepContext.Context.SendActivityAsync(MessageFactory.Text($"Profile saved for {profile.Name}."), cancellationToken);
        }

        return await stepContext.EndDialogAsync(null, cancellationToken);
    }
}
