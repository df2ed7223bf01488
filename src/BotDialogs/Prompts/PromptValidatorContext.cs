using System.Globalization;
using Microsoft.Bot.Builder;

namespace BotDialogs;

/// <summary>What a <see cref="PromptValidator{T}"/> sees.</summary>
public class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext turnContext, PromptRecognizerResult<T> recognized, IDictionary<string, object> state, PromptOptions options)
    {
        Context = turnContext;
        Recognized = recognized;
        State = state;
        Options = options;
    }

    public ITurnContext Context { get; }

    public PromptRecognizerResult<T> Recognized { get; }

    public PromptOptions Options { get; }

    public IDictionary<string, object> State { get; }

    /// <summary>Answers received so far, this one included.</summary>
    public int AttemptCount
        => State.TryGetValue(Prompt<T>.AttemptCountKey, out var count) ? Convert.ToInt32(count, CultureInfo.InvariantCulture) : 0;
}
