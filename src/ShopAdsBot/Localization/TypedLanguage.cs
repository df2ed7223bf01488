using System.Text.RegularExpressions;

namespace ShopAdsBot.Localization;

/// <summary>
/// Tells whether a typed message is clearly French or clearly English, from its grammar words (« je », « est », « pas »…;
/// "my", "is", "what"…) and accented French words. Product words (Shop Ads, Business Center, GMV Max) belong to neither
/// language. A message is clear with at least <see cref="MinimumWords"/> words of one language and more than
/// <see cref="Dominance"/> times the other's: short and mixed messages give no answer. The lists and the two numbers were
/// chosen by measurement on seeds/ (docs/language.md).
/// </summary>
public static partial class TypedLanguage
{
    public const int MinimumWords = 3;
    public const int Dominance = 2;

    private static readonly HashSet<string> EnglishWords = new(
        """
        the my i i'm im i've ive you your we our us they their it it's its is are was were be been am do does did don't dont
        doesn't doesnt didn't didnt can can't cant cannot could would should will won't what how why where when which who this
        that these those there here have has had not no yes and or but if so to of for with from in at by about after before
        into out up just still only also get got getting what's whats isn't isnt aren't wasn't any some anyone someone help
        please thanks thank hi hello hey need want wants trying tried keeps keep shows showing says said see seeing even ever
        never again now yet already
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    // "a", "me", "on" and "en" are words of both languages: they count for neither.
    private static readonly HashSet<string> FrenchWords = new(
        """
        le la les l un une des du de d au aux je j mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs est sont
        suis es était etait être etre ai as avons avez ont avoir fait faire fais et ou mais pas ne n plus rien jamais comment
        pourquoi quand où quoi quel quelle quels quelles qui que qu c ça ca cela ce cet cette ces il elle ils elles nous vous
        y dans sur sous avec sans pour par chez vers depuis encore déjà deja toujours aussi bonjour merci svp stp oui non
        alors donc car puis peux peut pouvez veux veut voudrais faut dois doit besoin aide
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    // French elisions: j'ai, l'onglet, d'erreur, n'est, c'est, qu'il, s'affiche, m'aider, t'as.
    private static readonly HashSet<string> FrenchElisions = new(["j", "l", "d", "n", "c", "qu", "s", "m", "t"], StringComparer.Ordinal);

    /// <summary>"fr" or "en" when the text is clearly in that language; null when it is short, mixed, or has no grammar words.</summary>
    public static string? Detect(string? text)
    {
        var (french, english) = Count(text);
        if (english >= MinimumWords && english > Dominance * french) return BotLanguage.English;
        if (french >= MinimumWords && french > Dominance * english) return BotLanguage.French;
        return null;
    }

    /// <summary>The number of French and of English words in the text.</summary>
    public static (int French, int English) Count(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (0, 0);
        int french = 0, english = 0;
        foreach (Match match in Word().Matches(text.ToLowerInvariant().Replace('’', '\'')))
        {
            var word = match.Value;
            if (word.IndexOf('\'') is var apostrophe and > 0)
            {
                if (FrenchElisions.Contains(word[..apostrophe])) { french++; continue; }
                if (EnglishWords.Contains(word)) { english++; continue; }
                word = word[..apostrophe];
            }
            if (FrenchWords.Contains(word) || FrenchLetter().IsMatch(word)) french++;
            else if (EnglishWords.Contains(word)) english++;
        }
        return (french, english);
    }

    [GeneratedRegex("[a-zàâäéèêëîïôöûùüçœ]+(?:'[a-zàâäéèêëîïôöûùüçœ]+)?")]
    private static partial Regex Word();

    [GeneratedRegex("[éèêëàâîïôûùçœ]")]
    private static partial Regex FrenchLetter();
}
