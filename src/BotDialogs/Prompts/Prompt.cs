using BotDialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BotDialogs;

/// <summary>
/// Base of the prompts: asks, recognises the next answer, retries at most <see cref="MaxAttempts"/> times and then ends
/// with <see cref="PromptNotRecognized"/>. Persisted: the plain options and an attempt counter, never a message.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    internal const string AttemptCountKey = "attemptCount";
    private const string PersistedOptions = "options";
    private const string PersistedState = "state";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId) => _validator = validator;

    /// <summary>How many unrecognised answers end the prompt (default 2: the question, one retry, then give up).</summary>
    public int MaxAttempts { get; set; } = 2;

    /// <summary>The key of a card submit value that holds the chosen value.</summary>
    public string ChoiceValueKey { get; set; } = DialogInput.DefaultChoiceKey;

    /// <summary>The language used when neither the options nor the activity give one.</summary>
    public string? DefaultLocale { get; set; }

    /// <summary>Builds the question and the retry on any turn (see <see cref="PromptRenderer"/>).</summary>
    public PromptRenderer? Renderer { get; set; }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"Prompt '{Id}' must be begun with PromptOptions.", nameof(options));
        }

        var state = new Dictionary<string, object> { [AttemptCountKey] = 0 };
        dc.ActiveDialog!.State[PersistedOptions] = PersistedPromptOptions.ToJson(promptOptions);
        dc.ActiveDialog.State[PersistedState] = state;
        await OnPromptAsync(dc.Context, state, promptOptions, false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var (state, options) = ReadState(dc.ActiveDialog!);
        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
        var attempts = StateValues.GetInt(state, AttemptCountKey) + 1;
        state[AttemptCountKey] = attempts;

        var isValid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, state, options), cancellationToken).ConfigureAwait(false);
        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (attempts >= MaxAttempts)
        {
            var notRecognized = new PromptNotRecognized(Id, attempts, DialogInput.FromTurn(dc.Context, ChoiceValueKey).Text);
            return await dc.EndDialogAsync(notRecognized, cancellationToken).ConfigureAwait(false);
        }

        // Something else (an interruption handler, a validator) may already have answered this turn: no second message.
        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, state, options, true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <summary>A dialog pushed above the prompt ended: ask the question again and keep waiting.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var (state, options) = ReadState(instance);
        await OnPromptAsync(turnContext, state, options, false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the question (isRetry false) or the retry.</summary>
    protected abstract Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default);

    /// <summary>Reads this turn's answer.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default);

    /// <summary>The default retry text of this kind of prompt, in the given language.</summary>
    protected abstract string DefaultRetryText(string? culture);

    /// <summary>The language of this prompt: the options', else the activity's, else <see cref="DefaultLocale"/>, else en-US.</summary>
    protected string Culture(ITurnContext turnContext, PromptOptions options)
        => options.Locale ?? NonEmpty(turnContext.Activity?.Locale) ?? DefaultLocale ?? "en-US";

    /// <summary>
    /// The activity to send: the renderer's, else <see cref="PromptOptions.Prompt"/> for the first question, else the
    /// default retry text. Returns a copy, so adding buttons never changes the caller's activity.
    /// </summary>
    protected async Task<IMessageActivity> ResolveActivityAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        if (Renderer is not null && await Renderer(turnContext, options, isRetry, cancellationToken).ConfigureAwait(false) is { } rendered)
        {
            return rendered;
        }

        var given = isRetry ? options.RetryPrompt : options.Prompt;
        return given is not null
            ? JObject.FromObject(given).ToObject<Activity>()!
            : MessageFactory.Text(DefaultRetryText(Culture(turnContext, options)));
    }

    /// <summary>True when the answer is a card submit from another question (its value contradicts the Reference).</summary>
    protected static bool IsFromAnotherQuestion(DialogInput input, PromptOptions options)
    {
        if (input.Value is null || options.Reference is null)
        {
            return false;
        }

        return options.Reference.Properties().Any(p =>
            input.Value.TryGetValue(p.Name, out var submitted)
            && submitted is JValue && p.Value is JValue
            && !string.Equals(submitted.ToString(), p.Value.ToString(), StringComparison.Ordinal));
    }

    private static (IDictionary<string, object> State, PromptOptions Options) ReadState(DialogInstance instance)
    {
        var state = StateValues.Get<Dictionary<string, object>>(instance.State, PersistedState)
            ?? throw new DialogStateRecoveryException($"Prompt '{instance.Id}' has no stored state.", instance.Id);
        instance.State.TryGetValue(PersistedOptions, out var stored);
        return (state, PersistedPromptOptions.FromJson(stored, instance.Id));
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
