using Microsoft.Bot.Builder;

namespace ShopAdsBot.Localization;

/// <summary>
/// The language the bot answers in, kept in ConversationState. It starts as the activity's locale (Teams, Web Chat's FR/EN
/// switch, the Emulator). A typed message that is clearly in the other language (<see cref="TypedLanguage"/>) switches it for
/// the rest of the conversation, until the seller clearly writes in the other one or the locale changes (the FR/EN switch).
/// Short or mixed messages keep it; a click on a card never changes it.
/// </summary>
public sealed class ConversationLanguage(ConversationState conversationState)
{
    private readonly IStatePropertyAccessor<LanguageState> accessor = conversationState.CreateProperty<LanguageState>(nameof(ConversationLanguage));

    /// <summary>Decides this turn's language, stores it for the conversation and for <see cref="BotLanguage.Of"/>, and returns it.</summary>
    public async Task<string> ApplyAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var fromLocale = BotLanguage.FromLocale(turnContext.Activity.Locale);
        var state = await accessor.GetAsync(turnContext, () => new LanguageState { Locale = fromLocale, Language = fromLocale }, cancellationToken);
        if (state.Locale != fromLocale)
        {
            // The seller (or the client) changed the locale: that choice wins over what was typed before.
            state.Locale = fromLocale;
            state.Language = fromLocale;
        }
        if (IsTyped(turnContext.Activity) && TypedLanguage.Detect(turnContext.Activity.Text) is { } typed)
        {
            state.Language = typed;
        }
        turnContext.TurnState.Set(BotLanguage.TurnStateKey, state.Language);
        return state.Language;
    }

    // A card click comes with a value (Web Chat's Action.Submit, Teams' messageBack): never a language signal.
    private static bool IsTyped(Microsoft.Bot.Schema.IActivity activity) =>
        activity is Microsoft.Bot.Schema.IMessageActivity { Value: null, Text.Length: > 0 };

    /// <summary>What is stored: the language in use and the locale it was decided under.</summary>
    public sealed class LanguageState
    {
        public string Language { get; set; } = BotLanguage.French;
        public string Locale { get; set; } = BotLanguage.French;
    }
}
