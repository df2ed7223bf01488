using System.Globalization;
using BotDialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace BotDialogs;

/// <summary>
/// Base of the prompts, as in Microsoft.Bot.Builder.Dialogs: sends <see cref="PromptOptions.Prompt"/>, recognises each
/// answer (<see cref="OnRecognizeAsync"/>), asks the validator if there is one, and re-asks with
/// <see cref="PromptOptions.RetryPrompt"/> (else the prompt again) until an answer is accepted. Persisted in the
/// dialog's state: the options as given and a small state with the attempt count.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    internal const string AttemptCountKey = "AttemptCount";
    private const string PersistedOptions = "options";
    private const string PersistedState = "state";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId) => _validator = validator;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is CancellationToken)
        {
            throw new ArgumentException($"{nameof(options)} cannot be a cancellation token");
        }

        if (options is not PromptOptions opt)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Prompt options are required for Prompt dialogs");
        }

        if (opt.Prompt is not null && string.IsNullOrEmpty(opt.Prompt.InputHint))
        {
            opt.Prompt.InputHint = InputHints.ExpectingInput;
        }

        if (opt.RetryPrompt is not null && string.IsNullOrEmpty(opt.RetryPrompt.InputHint))
        {
            opt.RetryPrompt.InputHint = InputHints.ExpectingInput;
        }

        var state = new Dictionary<string, object> { [AttemptCountKey] = 0 };
        dc.ActiveDialog!.State[PersistedOptions] = opt;
        dc.ActiveDialog.State[PersistedState] = state;
        await OnPromptAsync(dc.Context, state, opt, false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var (state, options) = ReadState(dc.ActiveDialog!);
        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
        state[AttemptCountKey] = Convert.ToInt32(state[AttemptCountKey], CultureInfo.InvariantCulture) + 1;

        var isValid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, state, options), cancellationToken).ConfigureAwait(false);
        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        // A validator (or an interruption handler) may already have answered this turn: no second message then.
        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, state, options, true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <summary>A dialog pushed above the prompt ended: ask the question again and keep waiting.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (result is CancellationToken)
        {
            throw new ArgumentException($"{nameof(result)} cannot be a cancellation token");
        }

        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var (state, options) = ReadState(instance);
        await OnPromptAsync(turnContext, state, options, false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the question (<paramref name="isRetry"/> false) or the retry.</summary>
    protected abstract Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default);

    /// <summary>Reads this turn's answer.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// A copy of <paramref name="prompt"/> with <paramref name="choices"/> shown in <paramref name="style"/> (inline text,
    /// numbered list, suggested actions, hero card; Auto picks one for the channel; None leaves the activity as it is).
    /// </summary>
    protected virtual IMessageActivity AppendChoices(IMessageActivity? prompt, string channelId, IList<Choice> choices, ListStyle style, ChoiceFactoryOptions? options = null, CancellationToken cancellationToken = default)
    {
        var text = prompt is not null && !string.IsNullOrEmpty(prompt.Text) ? prompt.Text : string.Empty;
        IMessageActivity msg = style switch
        {
            ListStyle.Inline => ChoiceFactory.Inline(choices, text, null, options),
            ListStyle.List => ChoiceFactory.List(choices, text, null, options),
            ListStyle.SuggestedAction => ChoiceFactory.SuggestedAction(choices, text),
            ListStyle.HeroCard => ChoiceFactory.HeroCard(choices, text),
            ListStyle.None => MessageFactory.Text(text),
            _ => ChoiceFactory.ForChannel(channelId, choices, text, null, options),
        };

        if (prompt is null)
        {
            msg.InputHint = InputHints.ExpectingInput;
            return msg;
        }

        // A copy, so the persisted options are never changed by what one turn sends.
        var copy = JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(prompt))!;
        copy.Text = msg.Text;
        if (msg.SuggestedActions?.Actions is { Count: > 0 })
        {
            copy.SuggestedActions = msg.SuggestedActions;
        }

        if (msg.Attachments is { Count: > 0 } attachments)
        {
            copy.Attachments = copy.Attachments is null ? attachments : copy.Attachments.Concat(attachments).ToList();
        }

        return copy;
    }

    private static (IDictionary<string, object> State, PromptOptions Options) ReadState(DialogInstance instance)
        => (StateValues.Get<Dictionary<string, object>>(instance.State, PersistedState)!,
            StateValues.Get<PromptOptions>(instance.State, PersistedOptions)!);
}
