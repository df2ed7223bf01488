using ShopAdsBot.Content;

namespace ShopAdsBot.Recognition;

/// <summary>
/// What the seller already said: the phrases (a flow's first question, <see cref="FlowChoice.AnsweredBy"/>) that answer
/// that question in the message itself ("my shop is in the US", "notre ancienne agence"). Matched as whole words after
/// folding case and accents. A phrase in parts, "live … ne diffuse pas", matches its parts in that order with any words
/// between them: one part alone ("live", "ne diffuse pas") would say too little. Immutable; built once from the content.
/// </summary>
public sealed class FirstAnswers
{
    public static readonly FirstAnswers None = new(new Dictionary<string, (string, string[][])[]>());

    // Branch → (choice id, phrase as its parts' folded words) of its first question.
    private readonly IReadOnlyDictionary<string, (string Choice, string[][] Parts)[]> _phrases;

    private FirstAnswers(IReadOnlyDictionary<string, (string, string[][])[]> phrases) => _phrases = phrases;

    public static FirstAnswers From(ContentCatalog content) => new(content.Flows.Values.ToDictionary(
        flow => flow.Id,
        flow => (flow.FindNode(flow.Start)?.Choices ?? [])
            .SelectMany(c => (c.AnsweredBy ?? []).Values.SelectMany(list => list).Select(p => (c.Id, Parts(p))))
            .Where(p => p.Item2.Length > 0)
            .ToArray(),
        StringComparer.Ordinal));

    /// <summary>The first question's choice the text answers, or null when it answers none, or more than one.</summary>
    public string? Find(string branch, string text)
    {
        if (!_phrases.TryGetValue(branch, out var phrases) || phrases.Length == 0) return null;
        var words = Words(text);
        string? found = null;
        foreach (var (choice, parts) in phrases)
        {
            if (!Contains(words, parts)) continue;
            if (found is not null && found != choice) return null; // two answers: let the seller choose
            found = choice;
        }
        return found;
    }

    private static bool Contains(string[] words, string[][] parts)
    {
        var from = 0;
        foreach (var part in parts)
        {
            var at = IndexOf(words, part, from);
            if (at < 0) return false;
            from = at + part.Length;
        }
        return true;
    }

    private static int IndexOf(string[] words, string[] part, int from)
    {
        for (var i = from; i + part.Length <= words.Length; i++)
            if (words.AsSpan(i, part.Length).SequenceEqual(part)) return i;
        return -1;
    }

    private static string[][] Parts(string phrase) => [.. phrase.Split('…').Select(Words).Where(w => w.Length > 0)];

    /// <summary>Folded words: "Don't" → "don", "t"; phrases and messages are cut alike.</summary>
    private static string[] Words(string text)
    {
        var folded = TextNormalizer.Fold(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWord && start < 0) start = i;
            else if (!isWord && start >= 0) { words.Add(folded[start..i]); start = -1; }
        }
        return [.. words];
    }
}
