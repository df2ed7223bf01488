using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BotDialogs;

/// <summary>Asks for free text; ends with the message's text.</summary>
public class TextPrompt : Prompt<string>
{
    public TextPrompt(string dialogId, PromptValidator<string>? validator = null)
        : base(dialogId, validator)
    {
    }

    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        if (isRetry && options.RetryPrompt is not null)
        {
            await turnContext.SendActivityAsync(options.RetryPrompt, cancellationToken).ConfigureAwait(false);
        }
        else if (options.Prompt is not null)
        {
            await turnContext.SendActivityAsync(options.Prompt, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var result = new PromptRecognizerResult<string>();
        if (turnContext.Activity.Type == ActivityTypes.Message && turnContext.Activity.Text is { } text)
        {
            result.Succeeded = true;
            result.Value = text;
        }

        return Task.FromResult(result);
    }
}
