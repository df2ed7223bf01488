using BotDialogs.Choices;
using Microsoft.Bot.Builder;

namespace BotDialogs;

/// <summary>Asks a yes/no question; ends with a bool. French and English answers are understood.</summary>
public class ConfirmPrompt : Prompt<bool>
{
    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null, string? defaultLocale = null)
        : base(dialogId, validator) => DefaultLocale = defaultLocale;

    /// <summary>Whether yes/no buttons are added to the question; <see cref="ListStyle.None"/> when a card shows them.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        var activity = await ResolveActivityAsync(turnContext, options, isRetry, cancellationToken).ConfigureAwait(false);
        if ((options.Style ?? Style) != ListStyle.None && activity.SuggestedActions is null)
        {
            var (yes, no) = PromptDefaults.ConfirmTitles(Culture(turnContext, options));
            ChoiceFactory.AddSuggestedActions(activity, ChoiceFactory.ToChoices([yes, no]));
        }

        await turnContext.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        var input = DialogInput.FromTurn(turnContext, ChoiceValueKey);
        var answer = IsFromAnotherQuestion(input, options) ? null : ConfirmRecognizer.Recognize(input, Culture(turnContext, options));
        return Task.FromResult(new PromptRecognizerResult<bool> { Succeeded = answer.HasValue, Value = answer ?? false });
    }

    protected override string DefaultRetryText(string? culture) => PromptDefaults.ConfirmRetry(culture);
}
