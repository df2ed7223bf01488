using BotDialogs;
using BotDialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ShopAdsBot.Dialogs.Prompts;

/// <summary>
/// Builds the Adaptive Card a prompt shows, from the plain data its options carry (<see cref="PromptOptions.Validations"/>):
/// the card itself is never stored with the conversation, it is rebuilt from the content on every turn.
/// On a retry the card says first that the answer was not understood. Null when the data names nothing known.
/// </summary>
public delegate IMessageActivity? PromptCard(ITurnContext turnContext, PromptOptions options, bool isRetry);

/// <summary>
/// The choices a prompt recognises, with their titles and synonyms, read from the content for the data its options carry;
/// null when the data names nothing known (the options' own choices are used then).
/// </summary>
public delegate IList<Choice>? PromptChoices(PromptOptions options);

/// <summary>What the card-aware prompts share: sending the card, and giving up after a bounded number of answers.</summary>
public static class CardPrompts
{
    /// <summary>The unrecognised answers after which a card prompt gives up (the question, then one retry).</summary>
    public const int DefaultMaxAttempts = 2;

    private const string GaveUpKey = "ShopAdsBot.PromptGaveUp";

    /// <summary>Whether a card prompt gave up during this turn (its result is then the type's default, not an answer).</summary>
    public static bool GaveUp(ITurnContext turnContext) => turnContext.TurnState.Get<object>(GaveUpKey) is true;

    /// <summary>
    /// A validator that accepts every recognised answer and, after <paramref name="maxAttempts"/> answers that were not
    /// recognised, ends the prompt anyway and marks the turn (<see cref="GaveUp"/>): the product sends the seller back to
    /// the menu rather than asking forever. The extension point is the real one: a prompt validator.
    /// </summary>
    public static PromptValidator<T> GiveUpAfter<T>(int maxAttempts) => (promptContext, _) =>
    {
        if (promptContext.Recognized.Succeeded)
        {
            return Task.FromResult(true);
        }

        var giveUp = promptContext.AttemptCount >= maxAttempts;
        if (giveUp)
        {
            promptContext.Context.TurnState[GaveUpKey] = true;
        }

        return Task.FromResult(giveUp);
    };

    /// <summary>Sends the card built by <paramref name="card"/>; false when it had nothing to build.</summary>
    internal static async Task<bool> SendAsync(PromptCard card, ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        if (card(turnContext, options, isRetry) is not { } activity)
        {
            return false;
        }

        await turnContext.SendActivityAsync(activity, cancellationToken);
        return true;
    }
}
