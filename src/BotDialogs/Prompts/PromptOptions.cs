using BotDialogs.Choices;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BotDialogs;

/// <summary>
/// What a prompt asks and accepts. Only plain parts are persisted (<see cref="Choices"/>, <see cref="Style"/>,
/// <see cref="Locale"/>, <see cref="Reference"/>): <see cref="Prompt"/> and <see cref="RetryPrompt"/> are rendered
/// messages and are never stored, so on a later turn a retry comes from the prompt's
/// <see cref="Prompt{T}.Renderer"/> (which can rebuild it from <see cref="Reference"/>), else a default text.
/// </summary>
public class PromptOptions
{
    /// <summary>The activity sent when the prompt begins (e.g. an Adaptive Card).</summary>
    public Activity? Prompt { get; set; }

    /// <summary>
    /// Kept for API compatibility only: it is not persisted, and answers come on later turns, so a retry is built by the
    /// prompt's <see cref="Prompt{T}.Renderer"/> (or is the prompt's default retry text).
    /// </summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>The answers accepted, for recognition.</summary>
    public IList<Choice>? Choices { get; set; }

    /// <summary>Overrides the prompt's own style; <see cref="ListStyle.None"/> leaves the activity as it is.</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Free data for a validator (persisted as plain JSON).</summary>
    public object? Validations { get; set; }

    /// <summary>The language of the question ("fr-FR", "en-US"); else the activity's locale, else the prompt's default.</summary>
    public string? Locale { get; set; }

    /// <summary>
    /// Plain data naming what is asked (e.g. <c>{"flow":"x","node":"y"}</c>), persisted instead of the rendered activities
    /// so a renderer can rebuild the question on a later turn. A card submit whose value disagrees with it on a shared
    /// key came from an older card and is not taken as an answer.
    /// </summary>
    public JObject? Reference { get; set; }
}
