namespace ShopAdsBot.Recognition;

/// <summary>
/// The words that negate what follows ("je fais pas de pub", "without spending": seeds/routing-keywords.json
/// "negations", in canonical form) and how many of the next words they cover. A bag of words reads "pas … pub" as
/// "pub"; with a negation, each covered word is also a distinct feature, "not pub", whose weight the model learns.
/// </summary>
/// <param name="Weight">The negated words' family weight in the feature vector (as the word pairs' 0.6).</param>
public sealed record Negation(IReadOnlySet<string> Words, int Scope, float Weight)
{
    /// <summary>The keyword file's negation words through the normaliser (spelling, plurals), so they meet the message's tokens.</summary>
    public static Negation? From(IEnumerable<string> words, TextNormalizer normalizer, int scope, float weight)
    {
        var canonical = words.SelectMany(normalizer.Tokens).ToHashSet(StringComparer.Ordinal);
        return scope <= 0 || canonical.Count == 0 ? null : new Negation(canonical, scope, weight);
    }

    public bool Negates(string token) => Words.Contains(token);
}
