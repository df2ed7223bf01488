using BotDialogs.Choices;
using Microsoft.Bot.Schema;

namespace BotDialogs;

/// <summary>What a prompt asks and accepts. Persisted as given with the prompt's state, so a retry on a later turn has it.</summary>
public class PromptOptions
{
    /// <summary>The activity sent when the prompt begins (and on a reprompt).</summary>
    public Activity? Prompt { get; set; }

    /// <summary>The activity sent when an answer is not accepted; when null, <see cref="Prompt"/> is sent again.</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>The answers a choice prompt accepts.</summary>
    public IList<Choice>? Choices { get; set; }

    /// <summary>Overrides the prompt's own <see cref="ListStyle"/>.</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Free data for a validator (or for a subclass of a prompt); persisted with the options.</summary>
    public object? Validations { get; set; }

    /// <summary>The language in which a confirm prompt recognises yes and no, instead of the activity's locale.</summary>
    public string? RecognizeLanguage { get; set; }
}
