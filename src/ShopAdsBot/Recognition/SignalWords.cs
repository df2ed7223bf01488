namespace ShopAdsBot.Recognition;

/// <summary>
/// A list of words whose presence is one learned feature of the recognizer: the Shop Ads cues (pub, campagne, BC...)
/// and the words that place a message elsewhere (other ad platforms). A token matches a word exactly, or, for words of
/// five letters or more, with one typo (a letter dropped, added, replaced or two swapped: "campagen", "pintrest"). Immutable.
/// </summary>
public sealed class SignalWords
{
    private const int MinLengthForTypos = 5;
    private readonly HashSet<string> _exact;
    private readonly string[] _long;

    public SignalWords(IEnumerable<string> canonicalTokens, IEnumerable<string>? surfaceForms = null)
    {
        _exact = canonicalTokens.Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        // Typos are matched against the canonical tokens and the words that spell them ("annonce", "campaign"),
        // since a misspelt "annnonce" never reaches its canonical "ad".
        _long = _exact.Concat(surfaceForms ?? []).Where(t => t.Length >= MinLengthForTypos).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The words of a keyword-file list, in canonical form, plus the spellings that rewrite to them.</summary>
    public static SignalWords From(IEnumerable<string> words, RoutingKeywords keywords, TextNormalizer normalizer)
    {
        var canonical = words.SelectMany(normalizer.Tokens).ToHashSet(StringComparer.Ordinal);
        var surface = keywords.Spelling
            .Where(p => canonical.Contains(TextNormalizer.Fold(p.Value)))
            .Select(p => TextNormalizer.Fold(p.Key));
        return new SignalWords(canonical, surface);
    }

    public bool IsEmpty => _exact.Count == 0;

    public bool AnyIn(IReadOnlyList<string> tokens)
    {
        for (var t = 0; t < tokens.Count; t++) if (_exact.Contains(tokens[t])) return true;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Length < MinLengthForTypos) continue;
            foreach (var word in _long) if (WithinOneEdit(token, word)) return true;
        }
        return false;
    }

    /// <summary>Optimal string alignment distance ≤ 1 (one insertion, deletion, substitution or adjacent swap).</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (i == a.Length && i == b.Length) return true;
        if (a.Length == b.Length)
        {
            // Substitution, or two neighbours swapped.
            if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))) return true;
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }
        // One letter more in the longer word.
        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : b.AsSpan(i + 1).SequenceEqual(a.AsSpan(i));
    }
}
