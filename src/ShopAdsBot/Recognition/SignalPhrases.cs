namespace ShopAdsBot.Recognition;

/// <summary>
/// A list of short phrases whose presence is one learned feature of the recognizer, like <see cref="SignalWords"/> but
/// matched word for word on <see cref="TextNormalizer.Words"/>, stop words kept: what they carry is in the small words
/// ("leur BC" against « mon propre BC », "not an ad" against "an ad"), which the canonical tokens drop. Immutable.
/// </summary>
public sealed class SignalPhrases
{
    private readonly string[][] _phrases;

    public SignalPhrases(IEnumerable<string> phrases, TextNormalizer normalizer) =>
        _phrases = phrases.Select(p => normalizer.Words(p).ToArray()).Where(w => w.Length > 0).ToArray();

    public bool IsEmpty => _phrases.Length == 0;

    /// <summary>Whether one of the phrases occurs in <paramref name="words"/> (from <see cref="TextNormalizer.Words"/>), its words in a row.</summary>
    public bool AnyIn(IReadOnlyList<string> words)
    {
        foreach (var phrase in _phrases)
            for (var start = 0; start + phrase.Length <= words.Count; start++)
            {
                var k = 0;
                while (k < phrase.Length && words[start + k] == phrase[k]) k++;
                if (k == phrase.Length) return true;
            }
        return false;
    }
}
