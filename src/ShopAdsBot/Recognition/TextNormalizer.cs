using System.Globalization;
using System.Text;

namespace ShopAdsBot.Recognition;

/// <summary>
/// Turns a raw message into canonical tokens: folds case and accents, splits on anything that is not a letter or
/// digit, rewrites misspellings / abbreviations / franglais to one spelling, drops stop words, then merges known
/// multi-word terms ("business center" → "bc"). Immutable after construction, so safe to share between threads.
/// </summary>
public sealed partial class TextNormalizer
{
    [System.Text.RegularExpressions.GeneratedRegex(@"!?\[[^\]]*\]\([^)]*\)|\b(?:[a-z][a-z0-9+.-]*:(?://|[^\s]*@)|www\.)[^\s)\]>]*", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LinkPattern();

    /// <summary>Only the start of a very long message is analysed: the problem is almost always stated early.</summary>
    public const int MaxAnalysedChars = 2000;

    private readonly IReadOnlyDictionary<string, string> _spelling;
    private readonly IReadOnlySet<string> _stopwords;
    // First token of a phrase → (phrase tokens, replacement), longest first.
    private readonly IReadOnlyDictionary<string, (string[] Tokens, string Replacement)[]> _phrases;

    private readonly bool _suffixFolding;

    /// <param name="suffixFolding">Also fold French and English word endings (<see cref="FoldSuffix"/>), not only plurals.</param>
    public TextNormalizer(IReadOnlyDictionary<string, string> spelling, IEnumerable<string> stopwords, IReadOnlyDictionary<string, string> phrases, bool suffixFolding = false)
    {
        _suffixFolding = suffixFolding;
        _spelling = spelling.ToDictionary(p => Fold(p.Key), p => Fold(p.Value), StringComparer.Ordinal);
        _stopwords = stopwords.Select(Fold).ToHashSet(StringComparer.Ordinal);
        var byFirst = new Dictionary<string, List<(string[], string)>>(StringComparer.Ordinal);
        foreach (var (phrase, replacement) in phrases)
        {
            // Keys go through the same pipeline as messages, so "processus de vente" matches "processus vente".
            var tokens = BaseTokens(phrase);
            if (tokens.Count == 0) continue;
            if (!byFirst.TryGetValue(tokens[0], out var list)) byFirst[tokens[0]] = list = [];
            list.Add((tokens.ToArray(), Fold(replacement)));
        }
        _phrases = byFirst.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(x => x.Item1.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Plain text safe to echo back: truncated to <see cref="MaxAnalysedChars"/>, and every character that could act
    /// as markup, a link or a mention in a card or a chat client (&lt; &gt; [ ] ( ) * _ ` ~ | \ / @ # { } &amp; = and control
    /// characters) becomes a space. Letters, digits and sentence punctuation stay, so the text still reads.
    /// </summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        // Links are not content: drop them whole (markdown links with their label), so "[clic](http://evil)" neither routes nor reflects.
        text = LinkPattern().Replace(text.Length > MaxAnalysedChars * 2 ? text[..(MaxAnalysedChars * 2)] : text, " ");
        var span = text.AsSpan(0, Math.Min(text.Length, MaxAnalysedChars));
        // Never cut a surrogate pair in half.
        if (span.Length > 0 && char.IsHighSurrogate(span[^1])) span = span[..^1];
        var sb = new StringBuilder(span.Length);
        var lastWasSpace = true;
        foreach (var c in span)
        {
            var keep = char.IsLetterOrDigit(c) || c is '.' or ',' or '\'' or '\u2019' or '?' or '!' or ':' or ';' or '-' or '%' or '\u20ac' or '$' or '+' or '"' or '\u00ab' or '\u00bb';
            if (keep) { sb.Append(c); lastWasSpace = false; }
            else if (!lastWasSpace) { sb.Append(' '); lastWasSpace = true; }
        }
        return sb.ToString().Trim();
    }

    /// <summary>Canonical tokens of a message, in order.</summary>
    public IReadOnlyList<string> Tokens(string? text)
    {
        var baseTokens = BaseTokens(text);
        var result = new List<string>(baseTokens.Count);
        for (var i = 0; i < baseTokens.Count; i++)
        {
            var matched = false;
            if (_phrases.TryGetValue(baseTokens[i], out var candidates))
            {
                foreach (var (tokens, replacement) in candidates)
                {
                    if (i + tokens.Length > baseTokens.Count) continue;
                    var ok = true;
                    for (var k = 1; k < tokens.Length && ok; k++) ok = baseTokens[i + k] == tokens[k];
                    if (!ok) continue;
                    result.Add(replacement);
                    i += tokens.Length - 1;
                    matched = true;
                    break;
                }
            }
            if (!matched) result.Add(baseTokens[i]);
        }
        return result;
    }

    private List<string> BaseTokens(string? text)
    {
        var folded = Fold(text is null ? null : text.Length > MaxAnalysedChars ? text[..MaxAnalysedChars] : text);
        var list = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWord && start < 0) start = i;
            else if (!isWord && start >= 0)
            {
                AddToken(folded[start..i], list);
                start = -1;
            }
        }
        return list;
    }

    private void AddToken(string token, List<string> list)
    {
        if (_suffixFolding && _stopwords.Contains(token)) return;
        token = _spelling.GetValueOrDefault(token) ?? Stem(token);
        token = _spelling.GetValueOrDefault(token) ?? token;
        if (_suffixFolding)
        {
            // The canonical spelling is folded too, so "apparait" (from "napparait") meets "apparaitre", "apparaissait".
            token = FoldSuffix(token);
            token = _spelling.GetValueOrDefault(token) ?? token;
        }
        // One letter left by elisions (l', d', n') or splits (e-mail) carries nothing.
        if (token.Length < 2 || _stopwords.Contains(token)) return;
        list.Add(token);
    }

    /// <summary>Light plural stripping, the same for French and English ("annonces" → "annonce").</summary>
    private static string Stem(string token) =>
        token.Length > 4 && token[^1] == 's' && token[^2] != 's' ? token[..^1] : token;

    // Longest first. Verb endings, participles and plurals of both languages, once accents are folded: "connecté",
    // "connectée", "connecter", "connectez", "connectait", "connecting", "connected" all become "connect".
    private static readonly string[] Suffixes =
        ["eraient", "erions", "issait", "issent", "erait", "erais", "erons", "eront", "aient", "ement", "ions", "iez", "ait", "ais", "ant", "ees", "ent", "ing", "ee", "es", "er", "ez", "ed", "e", "s", "x"];

    /// <summary>
    /// Suffix folding, the same for French and English: the longest known ending is cut when at least four letters
    /// remain ("campagnes" → "campagn", "rejetee" → "rejet"). Not a linguistic stemmer: it only has to send the forms
    /// of one word to one token, and the character n-grams still see the whole word's start.
    /// </summary>
    public static string FoldSuffix(string token)
    {
        if (token.Length <= 4 || char.IsDigit(token[^1])) return token;
        if (token.EndsWith("aux", StringComparison.Ordinal)) return token[..^3] + "al";
        foreach (var suffix in Suffixes)
            if (token.Length - suffix.Length >= 4 && token.EndsWith(suffix, StringComparison.Ordinal)) return token[..^suffix.Length];
        return token;
    }
}
