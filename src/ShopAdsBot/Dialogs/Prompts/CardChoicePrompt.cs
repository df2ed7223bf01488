using BotDialogs;
using BotDialogs.Choices;
using Microsoft.Bot.Builder;
using ShopAdsBot.Dialogs.Input;

namespace ShopAdsBot.Dialogs.Prompts;

/// <summary>
/// A ChoicePrompt for Adaptive Cards: it shows the card rebuilt from its options (<see cref="PromptCard"/>), reads an
/// answer whether it was typed or came from a card button (Action.Submit, Teams messageBack; see <see cref="DialogInput"/>)
/// with the product's French and English word rules (<see cref="ChoiceRecognizer"/>), and gives up after a bounded
/// number of answers (<see cref="CardPrompts.GiveUpAfter"/>). Only the real extension points are overridden.
/// The stored options may name the choices by value only: <paramref name="choices"/> then gives the choices with their
/// titles and synonyms from the content, so none of it is stored with the conversation.
/// </summary>
public class CardChoicePrompt(string dialogId, PromptCard card, PromptChoices? choices = null, int maxAttempts = CardPrompts.DefaultMaxAttempts)
    : ChoicePrompt(dialogId, CardPrompts.GiveUpAfter<FoundChoice>(maxAttempts))
{
    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        if (!await CardPrompts.SendAsync(card, turnContext, options, isRetry, cancellationToken))
        {
            await base.OnPromptAsync(turnContext, state, options, isRetry, cancellationToken);
        }
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        var found = ChoiceRecognizer.Recognize(DialogInput.FromTurn(turnContext), choices?.Invoke(options) ?? options.Choices ?? []);
        return Task.FromResult(new PromptRecognizerResult<FoundChoice> { Succeeded = found is not null, Value = found });
    }
}
