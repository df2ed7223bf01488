using System.Globalization;
using System.Text;

namespace ShopAdsBot.Recognition;

/// <summary>
/// The folding every reader of seller text shares (the recognizer and the answers to prompts): lower case, no accents,
/// and for answers punctuation and apostrophes as spaces ("D'accord !" becomes "d accord"), so recognition ignores how
/// people type on a phone.
/// </summary>
public sealed partial class TextNormalizer
{
    /// <summary>Folded (<see cref="Fold"/>), letters and digits only, single spaces: the comparable form of an answer.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = Fold(text);
        var builder = new StringBuilder(folded.Length);
        var lastWasSpace = true;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Lower case, no accents (é → e, œ → oe, æ → ae, ß → ss); every other character kept as it is.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var lower = text.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        foreach (var letter in lower)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(letter))
            {
                // Marks typed apart from their letter (text some keyboards send decomposed).
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
            }
            var c = letter < BaseLetters.Length && BaseLetters[letter] != '\0' ? BaseLetters[letter] : letter;
            switch (c)
            {
                case 'œ': builder.Append("oe"); break;
                case 'æ': builder.Append("ae"); break;
                case 'ß': builder.Append("ss"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Each accented Latin letter (lower case) followed by its letter without the accent: what Unicode's canonical
    /// decomposition (NFD) leaves once its marks are dropped, for the Latin-1 Supplement, Latin Extended-A and -B and
    /// Latin Extended Additional blocks (written out with Python's unicodedata). A table rather than
    /// <c>string.Normalize</c>: the app runs without ICU (InvariantGlobalization), where normalizing leaves non-ASCII
    /// text as it is.
    /// </summary>
    private const string AccentedLetters =
        "àaáaâaãaäaåaçcèeéeêeëeìiíiîiïiñnòoóoôoõoöoùuúuûuüuýyÿyāaăaąaćcĉcċcčcďdēeĕeėeęeěeĝgğgġgģgĥhĩiīiĭiįiĵjķkĺlļlľlńnņnňnōoŏoőo" +
        "ŕrŗrřrśsŝsşsšsţtťtũuūuŭuůuűuųuŵwŷyźzżzžzơoưuǎaǐiǒoǔuǖuǘuǚuǜuǟaǡaǣæǧgǩkǫoǭoǯʒǰjǵgǹnǻaǽæǿøȁaȃaȅeȇeȉiȋiȍoȏoȑrȓrȕuȗușsțtȟhȧa" +
        "ȩeȫoȭoȯoȱoȳyḁaḃbḅbḇbḉcḋdḍdḏdḑdḓdḕeḗeḙeḛeḝeḟfḡgḣhḥhḧhḩhḫhḭiḯiḱkḳkḵkḷlḹlḻlḽlḿmṁmṃmṅnṇnṉnṋnṍoṏoṑoṓoṕpṗpṙrṛrṝrṟrṡsṣsṥsṧsṩsṫt" +
        "ṭtṯtṱtṳuṵuṷuṹuṻuṽvṿvẁwẃwẅwẇwẉwẋxẍxẏyẑzẓzẕzẖhẗtẘwẙyẛſạaảaấaầaẩaẫaậaắaằaẳaẵaặaẹeẻeẽeếeềeểeễeệeỉiịiọoỏoốoồoổoỗoộoớoờoởoỡoợo" +
        "ụuủuứuừuửuữuựuỳyỵyỷyỹy";

    /// <summary><see cref="AccentedLetters"/> indexed by the accented letter ('\0': not accented).</summary>
    private static readonly char[] BaseLetters = IndexBaseLetters();

    private static char[] IndexBaseLetters()
    {
        var table = new char[AccentedLetters[^2] + 1];
        for (var i = 0; i < AccentedLetters.Length; i += 2)
        {
            table[AccentedLetters[i]] = AccentedLetters[i + 1];
        }

        return table;
    }

    /// <summary>Edit distance counting an adjacent swap as one edit ("bouitque" is one edit from "boutique").</summary>
    /// <remarks>
    /// Optimal string alignment with three rolling rows (the swap looks two rows back) instead of a full matrix, on the
    /// stack for words and short answers: called for every choice of a prompt on every typed answer.
    /// </remarks>
    public static int Distance(string a, string b)
    {
        var width = b.Length + 1;
        var rows = width * 3 <= 768 ? stackalloc int[width * 3] : new int[width * 3];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }
            }

            // Roll: the oldest row is reused as the next current one.
            var oldest = previous2;
            previous2 = previous;
            previous = current;
            current = oldest;
        }

        return previous[b.Length];
    }

    /// <summary>How many typos a word of this length may carry and still count as meant: none for short words.</summary>
    public static int AllowedTypos(int length) => length switch { <= 3 => 0, <= 8 => 1, _ => 2 };
}
