namespace ShopAdsBot.Content;

/// <summary>A text in French (the reference language) and English, as written in the content files: { "fr": "...", "en": "..." }.</summary>
public sealed class LocalizedText
{
    public string Fr { get; init; } = "";
    public string En { get; init; } = "";

    public static LocalizedText Empty => new();

    /// <summary>"en", "en-US"... give the English text; anything else gives French. Empty English falls back to French.</summary>
    public string Get(string? lang) => Normalize(lang) == "en" && En.Length > 0 ? En : Fr;

    /// <summary>The content languages are "fr" and "en"; a locale such as "en-GB" maps to "en", anything unknown to "fr".</summary>
    public static string Normalize(string? lang) => ShopAdsBot.Localization.BotLanguage.FromLocale(lang);

    public override string ToString() => Fr;
}
