using BotDialogs.Choices;

namespace BotDialogs;

/// <summary>
/// The languages the prompts know (a subset of Microsoft.Bot.Builder.Dialogs' PromptCultureModels: English and French):
/// how an inline list is joined, the yes and no titles, and the words read as yes or no. Any other locale is English.
/// </summary>
internal sealed record PromptCulture(string Locale, string Separator, string InlineOr, string InlineOrMore, string Yes, string No, string[] YesWords, string[] NoWords)
{
    public static readonly PromptCulture English = new("en-us", ", ", " or ", ", or ", "Yes", "No",
        ["yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "true", "of course", "certainly"],
        ["no", "n", "nope", "nah", "false", "not", "no way"]);

    public static readonly PromptCulture French = new("fr-fr", ", ", " ou ", ", ou ", "Oui", "Non",
        ["oui", "o", "ouais", "ok", "d'accord", "bien sur", "bien sûr", "vrai", "exact", "certainement"],
        ["non", "n", "nan", "faux", "pas du tout", "jamais"]);

    /// <summary>The culture of <paramref name="locale"/> (its language part), English when unknown.</summary>
    public static PromptCulture For(string? locale)
        => locale is { Length: >= 2 } && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;

    public ChoiceFactoryOptions ChoiceOptions => new(Separator, InlineOr, InlineOrMore, true);

    /// <summary>The yes words as word sequences, split once.</summary>
    public string[][] YesPhrases { get; } = YesWords.Select(ChoiceMatcher.Words).ToArray();

    /// <summary>The no words as word sequences, split once.</summary>
    public string[][] NoPhrases { get; } = NoWords.Select(ChoiceMatcher.Words).ToArray();
}
