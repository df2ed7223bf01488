// For Microsoft.Bot.Builder.Dialogs, the only differences are these using lines:
// using Microsoft.Bot.Builder.Dialogs; using Microsoft.Bot.Builder.Dialogs.Choices;
using BotDialogs;
using BotDialogs.Choices;
using Microsoft.Bot.Builder;

namespace BotDialogs.Compat.Tests.Dialogs;

/// <summary>
/// The multi-turn prompt sample: a choice, a text, a confirm and a validated text prompt in one waterfall, with typed
/// options, step values and a profile saved in conversation state through an accessor.
/// </summary>
public class UserProfileDialog : CancelAndHelpDialog
{
    private readonly IStatePropertyAccessor<UserProfile> _userProfileAccessor;

    public UserProfileDialog(ConversationState conversationState)
        : base(nameof(UserProfileDialog))
    {
        _userProfileAccessor = conversationState.CreateProperty<UserProfile>("UserProfile");

        var waterfallSteps = new WaterfallStep[]
        {
            TransportStepAsync,
            NameStepAsync,
            AgeConfirmStepAsync,
            AgeStepAsync,
            SummaryStepAsync,
        };

        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), waterfallSteps));
        AddDialog(new TextPrompt(nameof(TextPrompt)));
        AddDialog(new TextPrompt("AgePrompt", AgePromptValidatorAsync));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));

        InitialDialogId = nameof(WaterfallDialog);
    }

    private static async Task<DialogTurnResult> TransportStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var options = (ProfileOptions)stepContext.Options;
        await stepContext.Context.SendActivityAsync(MessageFactory.Text(options.Greeting), cancellationToken);

        return await stepContext.PromptAsync(nameof(ChoicePrompt),
            new PromptOptions
            {
                Prompt = MessageFactory.Text("Please enter your mode of transport."),
                Choices = ChoiceFactory.ToChoices(new List<string> { "Car", "Bus", "Bicycle" }),
            }, cancellationToken);
    }

    private static async Task<DialogTurnResult> NameStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        stepContext.Values["transport"] = ((FoundChoice)stepContext.Result).Value;

        return await stepContext.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = MessageFactory.Text("Please enter your name.") }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AgeConfirmStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        stepContext.Values["name"] = (string)stepContext.Result;

        await stepContext.Context.SendActivityAsync(MessageFactory.Text($"Thanks {stepContext.Result}."), cancellationToken);

        return await stepContext.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = MessageFactory.Text("Would you like to give your age?") }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AgeStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if ((bool)stepContext.Result)
        {
            var options = (ProfileOptions)stepContext.Options;
            var promptOptions = new PromptOptions
            {
                Prompt = MessageFactory.Text("Please enter your age."),
                RetryPrompt = MessageFactory.Text($"The value entered must be a whole number of at least {options.MinimumAge}."),
                Validations = options.MinimumAge,
            };

            return await stepContext.PromptAsync("AgePrompt", promptOptions, cancellationToken);
        }

        return await stepContext.NextAsync(-1, cancellationToken);
    }

    private async Task<DialogTurnResult> SummaryStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var age = stepContext.Result is string text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : (int)stepContext.Result;
        var userProfile = await _userProfileAccessor.GetAsync(stepContext.Context, () => new UserProfile(), cancellationToken);
        userProfile.Transport = (string)stepContext.Values["transport"];
        userProfile.Name = (string)stepContext.Values["name"];
        userProfile.Age = age;

        var msg = $"I have your mode of transport as {userProfile.Transport} and your name as {userProfile.Name}";
        msg += age == -1 ? "." : $" and your age as {userProfile.Age}.";
        await stepContext.Context.SendActivityAsync(MessageFactory.Text(msg), cancellationToken);

        return await stepContext.EndDialogAsync(userProfile, cancellationToken);
    }

    private static Task<bool> AgePromptValidatorAsync(PromptValidatorContext<string> promptContext, CancellationToken cancellationToken)
    {
        var minimum = Convert.ToInt32(promptContext.Options.Validations, System.Globalization.CultureInfo.InvariantCulture);
        return Task.FromResult(promptContext.Recognized.Succeeded
            && int.TryParse(promptContext.Recognized.Value, out var age)
            && age >= minimum && age < 150);
    }
}
