using BotDialogs;
using Microsoft.Bot.Builder;
using ShopAdsBot.Dialogs.Input;

namespace ShopAdsBot.Dialogs.Prompts;

/// <summary>
/// A ConfirmPrompt for Adaptive Cards (the « Oui » / « Non » of an answer card): the same card rendering and bounded
/// attempts as <see cref="CardChoicePrompt"/>; yes and no are read from a button's value or typed text in French and
/// English (<see cref="ConfirmRecognizer"/>).
/// </summary>
public class CardConfirmPrompt(string dialogId, PromptCard card, int maxAttempts = CardPrompts.DefaultMaxAttempts)
    : ConfirmPrompt(dialogId, CardPrompts.GiveUpAfter<bool>(maxAttempts))
{
    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        if (!await CardPrompts.SendAsync(card, turnContext, options, isRetry, cancellationToken))
        {
            await base.OnPromptAsync(turnContext, state, options, isRetry, cancellationToken);
        }
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        var answer = ConfirmRecognizer.Recognize(DialogInput.FromTurn(turnContext));
        return Task.FromResult(new PromptRecognizerResult<bool> { Succeeded = answer.HasValue, Value = answer ?? false });
    }
}
