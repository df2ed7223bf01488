using BotDialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BotDialogs;

/// <summary>Asks to pick one of <see cref="PromptOptions.Choices"/>; ends with a <see cref="FoundChoice"/>.</summary>
public class ChoicePrompt : Prompt<FoundChoice>
{
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null, string? defaultLocale = null)
        : base(dialogId, validator) => DefaultLocale = defaultLocale;

    /// <summary>How choices are added to the question; <see cref="ListStyle.None"/> when a card already shows them.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        var activity = await ResolveActivityAsync(turnContext, options, isRetry, cancellationToken).ConfigureAwait(false);
        if ((options.Style ?? Style) != ListStyle.None && options.Choices is { Count: > 0 } choices && activity.SuggestedActions is null)
        {
            ChoiceFactory.AddSuggestedActions(activity, choices);
        }

        await turnContext.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        var input = DialogInput.FromTurn(turnContext, ChoiceValueKey);
        var found = IsFromAnotherQuestion(input, options)
            ? null
            : ChoiceRecognizer.Recognize(input, options.Choices ?? [], Culture(turnContext, options));
        return Task.FromResult(new PromptRecognizerResult<FoundChoice> { Succeeded = found is not null, Value = found });
    }

    protected override string DefaultRetryText(string? culture) => PromptDefaults.ChoiceRetry(culture);
}
