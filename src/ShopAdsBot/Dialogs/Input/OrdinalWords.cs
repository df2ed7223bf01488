using System.Globalization;
using System.Text.RegularExpressions;

namespace ShopAdsBot.Dialogs.Input;

/// <summary>
/// Reads "2", "le deuxième", "the second one", "numéro 2", "option 3", "le dernier" as a position in a list (French and
/// English). Our own word lists: Microsoft.Recognizers.Text is not available here.
/// </summary>
internal static partial class OrdinalWords
{
    /// <summary>Position meaning "the last one".</summary>
    public const int Last = -1;

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["premier"] = 1, ["premiere"] = 1, ["first"] = 1,
        ["deuxieme"] = 2, ["second"] = 2, ["seconde"] = 2,
        ["troisieme"] = 3, ["third"] = 3,
        ["quatrieme"] = 4, ["fourth"] = 4,
        ["cinquieme"] = 5, ["fifth"] = 5,
        ["sixieme"] = 6, ["sixth"] = 6,
        ["septieme"] = 7, ["seventh"] = 7,
        ["huitieme"] = 8, ["eighth"] = 8,
        ["neuvieme"] = 9, ["ninth"] = 9,
        ["dixieme"] = 10, ["tenth"] = 10,
        ["dernier"] = Last, ["derniere"] = Last, ["last"] = Last,
    };

    private static readonly Dictionary<string, int> Cardinals = new(StringComparer.Ordinal)
    {
        ["un"] = 1, ["une"] = 1, ["one"] = 1,
        ["deux"] = 2, ["two"] = 2,
        ["trois"] = 3, ["three"] = 3,
        ["quatre"] = 4, ["four"] = 4,
        ["cinq"] = 5, ["five"] = 5,
        ["six"] = 6,
        ["sept"] = 7, ["seven"] = 7,
        ["huit"] = 8, ["eight"] = 8,
        ["neuf"] = 9, ["nine"] = 9,
        ["dix"] = 10, ["ten"] = 10,
    };

    // Words around a position that carry no meaning of their own.
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "le", "la", "l", "les", "the", "numero", "num", "no", "n", "number", "nr", "option", "choix", "choice",
        "reponse", "answer", "celle", "celui", "ci", "ce", "c", "est", "it", "is", "je", "j", "prends", "veux",
        "choisis", "i", "take", "want", "pick", "please", "svp", "stp", "merci", "thanks", "bouton", "button",
    };

    /// <summary>The 1-based position (or <see cref="Last"/>) named by the tokens, or null when they name none.</summary>
    public static int? Parse(IReadOnlyList<string> tokens)
    {
        var ordinals = new List<int>();
        var cardinals = new List<int>();
        var others = 0;
        foreach (var token in tokens)
        {
            if (Ordinals.TryGetValue(token, out var o) || TryDigitOrdinal(token, out o))
            {
                ordinals.Add(o);
            }
            // Invariant: the SDK sets the thread's culture from each activity's locale (a new CultureInfo every turn),
            // whose number format would otherwise be built on every turn just to read "2".
            else if (Cardinals.TryGetValue(token, out var c) || int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out c))
            {
                cardinals.Add(c);
            }
            else if (!Fillers.Contains(token))
            {
                others++;
            }
        }

        if (others > 0)
        {
            return null;
        }

        // "the second one", "la deuxième" (with "une" around): the ordinal wins over a stray "one".
        if (ordinals.Count == 1 && cardinals.All(c => c == 1))
        {
            return ordinals[0];
        }

        return ordinals.Count == 0 && cardinals.Count == 1 ? cardinals[0] : null;
    }

    private static bool TryDigitOrdinal(string token, out int position)
    {
        var match = DigitOrdinal().Match(token);
        position = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return match.Success;
    }

    [GeneratedRegex("^([0-9]{1,2})(er|ere|re|e|eme|nd|nde|st|rd|th)$")]
    private static partial Regex DigitOrdinal();
}
