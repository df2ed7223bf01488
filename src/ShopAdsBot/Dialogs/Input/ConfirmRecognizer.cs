using ShopAdsBot.Recognition;

namespace ShopAdsBot.Dialogs.Input;

/// <summary>
/// Reads a yes or a no in French or English ("oui", "ouais", "d'accord", "ok", "non", "pas du tout", "yes", "yep",
/// "nope"...). Negative phrases are matched first so "pas d'accord" is a no; an answer holding both a yes and a no is
/// not recognised. Our own word lists: Microsoft.Recognizers.Text is not available here.
/// </summary>
public static class ConfirmRecognizer
{
    private static readonly string[] NoPhrases =
    [
        "pas du tout", "pas d accord", "absolument pas", "pas vraiment", "pas encore", "toujours pas", "pas resolu",
        "ne marche pas", "marche pas", "ca ne marche pas", "non merci", "pas bon", "surtout pas",
        "not at all", "not really", "no thanks", "not yet", "still not", "did not", "didn t", "doesn t", "does not",
        "non", "nan", "nope", "no", "nah", "n", "false", "jamais", "never", "negatif", "negative", "faux",
    ];

    private static readonly string[] YesPhrases =
    [
        "bien sur", "tout a fait", "c est bon", "c est ca", "ca marche", "d accord", "oui merci", "c est resolu",
        "of course", "sounds good", "that s right", "it worked", "yes please",
        "oui", "ouais", "ouai", "ouep", "yep", "ok", "okay", "oki", "daccord", "dac", "exactement", "absolument",
        "parfait", "volontiers", "certainement", "evidemment", "resolu", "vrai", "yes", "yeah", "yup", "ya", "sure",
        "correct", "right", "true", "y", "o", "affirmatif", "affirmative", "certainly", "absolutely", "exactly", "done",
    ];

    /// <summary>True for a yes, false for a no, null when the text is neither (or both).</summary>
    public static bool? Recognize(string? text)
    {
        var padded = $" {TextNormalizer.Normalize(text)} ";
        if (padded.Trim().Length == 0)
        {
            return null;
        }

        var (foundNo, rest) = Remove(padded, NoPhrases);
        var (foundYes, _) = Remove(rest, YesPhrases);
        return (foundYes, foundNo) switch
        {
            (true, false) => true,
            (false, true) => false,
            _ => null,
        };
    }

    /// <summary>Recognises a card submit value ("yes", "non", "true") first, else the typed text.</summary>
    public static bool? Recognize(DialogInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ChoiceValue is { } value ? Recognize(value) : Recognize(input.Text);
    }

    private static (bool Found, string Remaining) Remove(string padded, string[] phrases)
    {
        var found = false;
        foreach (var phrase in phrases)
        {
            var needle = $" {phrase} ";
            while (padded.Contains(needle, StringComparison.Ordinal))
            {
                padded = padded.Replace(needle, " ", StringComparison.Ordinal);
                found = true;
            }
        }

        return (found, padded);
    }
}
