using BotDialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BotDialogs;

/// <summary>Asks a yes/no question; ends with a bool. Yes and no are read in the activity's language (English, French).</summary>
public class ConfirmPrompt : Prompt<bool>
{
    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null, string? defaultLocale = null)
        : base(dialogId, validator) => DefaultLocale = defaultLocale;

    /// <summary>How the yes/no choices are added to the question, unless <see cref="PromptOptions.Style"/> says otherwise.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>The language used when the activity has no locale.</summary>
    public string? DefaultLocale { get; set; }

    /// <summary>How the inline list is written; by default, the culture's.</summary>
    public ChoiceFactoryOptions? ChoiceOptions { get; set; }

    /// <summary>The yes and no choices shown; by default the culture's ("Yes"/"No", "Oui"/"Non").</summary>
    public Tuple<Choice, Choice>? ConfirmChoices { get; set; }

    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var culture = PromptCulture.For(turnContext.Activity.Locale ?? DefaultLocale);
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        var prompt = AppendChoices(activity, turnContext.Activity.ChannelId, Choices(culture), options.Style ?? Style, ChoiceOptions ?? culture.ChoiceOptions, cancellationToken);
        await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var result = new PromptRecognizerResult<bool>();
        var text = turnContext.Activity.Type == ActivityTypes.Message ? turnContext.Activity.Text : null;
        if (string.IsNullOrEmpty(text))
        {
            return Task.FromResult(result);
        }

        var culture = PromptCulture.For(options.RecognizeLanguage ?? turnContext.Activity.Locale ?? DefaultLocale);
        var words = ChoiceMatcher.Words(text);
        var yes = culture.YesPhrases.Any(phrase => ChoiceMatcher.ContainsPhrase(words, phrase));
        var no = culture.NoPhrases.Any(phrase => ChoiceMatcher.ContainsPhrase(words, phrase));
        if (yes != no)
        {
            result.Succeeded = true;
            result.Value = yes;
        }
        else if ((ChoiceOptions?.IncludeNumbers ?? true) && words.Length == 1 && ChoiceMatcher.Find(text, Choices(culture)) is { } found)
        {
            // The prompt showed numbered choices: "1" is yes, "2" is no.
            result.Succeeded = true;
            result.Value = found.Index == 0;
        }

        return Task.FromResult(result);
    }

    private List<Choice> Choices(PromptCulture culture)
        => ConfirmChoices is { } custom ? [custom.Item1, custom.Item2] : [new Choice(culture.Yes), new Choice(culture.No)];
}
