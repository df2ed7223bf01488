using BotDialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BotDialogs;

/// <summary>Asks to pick one of <see cref="PromptOptions.Choices"/>; ends with a <see cref="FoundChoice"/>.</summary>
public class ChoicePrompt : Prompt<FoundChoice>
{
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null, string? defaultLocale = null)
        : base(dialogId, validator) => DefaultLocale = defaultLocale;

    /// <summary>How the choices are added to the question, unless <see cref="PromptOptions.Style"/> says otherwise.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>The language used when the activity has no locale.</summary>
    public string? DefaultLocale { get; set; }

    /// <summary>How an inline or numbered list is written; by default, the culture's.</summary>
    public ChoiceFactoryOptions? ChoiceOptions { get; set; }

    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var culture = PromptCulture.For(turnContext.Activity.Locale ?? DefaultLocale);
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        var prompt = AppendChoices(activity, turnContext.Activity.ChannelId, options.Choices ?? [], options.Style ?? Style, ChoiceOptions ?? culture.ChoiceOptions, cancellationToken);
        await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var result = new PromptRecognizerResult<FoundChoice>();
        if (turnContext.Activity.Type == ActivityTypes.Message && ChoiceMatcher.Find(turnContext.Activity.Text, options.Choices ?? []) is { } found)
        {
            result.Succeeded = true;
            result.Value = found;
        }

        return Task.FromResult(result);
    }
}
