namespace BotDialogs;

/// <summary>
/// The result a prompt ends with when the answers were not recognised after <see cref="Prompt{T}.MaxAttempts"/> tries:
/// the calling step checks <c>stepContext.Result is PromptNotRecognized</c> and decides (offer help, go back to a menu),
/// instead of the prompt asking forever. Not in Microsoft.Bot.Builder.Dialogs, whose prompts retry without limit.
/// </summary>
public sealed class PromptNotRecognized
{
    public PromptNotRecognized(string promptId, int attempts, string? lastText)
    {
        PromptId = promptId;
        Attempts = attempts;
        LastText = lastText;
    }

    public string PromptId { get; }

    public int Attempts { get; }

    /// <summary>The last text typed, if any (for logging or a search; never put it into card markdown).</summary>
    public string? LastText { get; }
}
