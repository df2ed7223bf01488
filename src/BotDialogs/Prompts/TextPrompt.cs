using Microsoft.Bot.Builder;

namespace BotDialogs;

/// <summary>Asks for free text; ends with the string (a card's submitted value counts as text).</summary>
public class TextPrompt : Prompt<string>
{
    public TextPrompt(string dialogId, PromptValidator<string>? validator = null)
        : base(dialogId, validator)
    {
    }

    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        var activity = await ResolveActivityAsync(turnContext, options, isRetry, cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        var input = DialogInput.FromTurn(turnContext, ChoiceValueKey);
        var text = input.Text ?? input.ChoiceValue;
        return Task.FromResult(new PromptRecognizerResult<string> { Succeeded = text is not null, Value = text });
    }

    protected override string DefaultRetryText(string? culture) => PromptDefaults.TextRetry(culture);
}
