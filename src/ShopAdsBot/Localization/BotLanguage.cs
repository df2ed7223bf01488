using Microsoft.Bot.Builder;

namespace ShopAdsBot.Localization;

/// <summary>The bot speaks French first, English second: the language comes from the activity's locale.</summary>
public static class BotLanguage
{
    public const string French = "fr";
    public const string English = "en";

    public static string Of(ITurnContext turnContext) => FromLocale(turnContext.Activity?.Locale);

    public static string FromLocale(string? locale) =>
        locale != null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : French;
}
