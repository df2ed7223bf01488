using Microsoft.Bot.Builder;

namespace ShopAdsBot.Localization;

/// <summary>
/// The bot speaks French first, English second: the language comes from the activity's locale, unless the seller typed in
/// the other language (<see cref="ConversationLanguage"/> then sets this turn's language).
/// </summary>
public static class BotLanguage
{
    public const string French = "fr";
    public const string English = "en";

    /// <summary>Where <see cref="ConversationLanguage"/> puts the language of the current turn.</summary>
    public const string TurnStateKey = "ShopAdsBot.ConversationLanguage";

    public static string Of(ITurnContext turnContext) =>
        turnContext.TurnState.Get<string>(TurnStateKey) ?? FromLocale(turnContext.Activity?.Locale);

    public static string FromLocale(string? locale) =>
        locale != null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : French;
}
