using ShopAdsBot.Recognition;

namespace ShopAdsBot.Evaluation;

/// <summary>
/// The leak check: an evaluation message must not share a phrase of three words with anything the model is built from,
/// or the measure flatters. Words are compared after folding case and accents; the stop words of the keywords file
/// ("de", "la", "how", "do", "i") and single letters are skipped, since "how do I" or "est-ce que" says nothing about
/// a branch. So "le compte Ads Manager" and "compte ads manager" share "compte ads manager". The model reads the stop
/// words since pass 10; with them in place, nearly every message would share a phrase like « le seller center » with
/// the training data (docs/recognizer.md, pass 10).
/// </summary>
public sealed class PhraseOverlap
{
    private readonly HashSet<string> _stopwords;
    private readonly Dictionary<string, string> _phrases = new(StringComparer.Ordinal); // phrase → first text holding it

    public PhraseOverlap(IEnumerable<string> stopwords, IEnumerable<string> modelTexts)
    {
        _stopwords = stopwords.Select(TextNormalizer.Fold).ToHashSet(StringComparer.Ordinal);
        foreach (var text in modelTexts)
            foreach (var phrase in Phrases(text))
                _phrases.TryAdd(phrase, text);
    }

    /// <summary>Everything the production model is built from: its training texts, the phrase table and the cue list.</summary>
    public static PhraseOverlap Of(RecognizerSources sources) =>
        new(sources.Keywords.Stopwords, sources.Training.Select(u => u.Text).Concat(sources.Keywords.Phrases.Keys).Concat(sources.Keywords.Cues));

    /// <summary>The three-word phrases of a text, each as "word word word".</summary>
    public IEnumerable<string> Phrases(string text)
    {
        var words = Words(text).Where(w => w.Length > 1 && !_stopwords.Contains(w)).ToList();
        for (var i = 0; i + 3 <= words.Count; i++) yield return $"{words[i]} {words[i + 1]} {words[i + 2]}";
    }

    /// <summary>The phrases <paramref name="text"/> shares with the model's texts, each with a text that holds it.</summary>
    public IReadOnlyList<(string Phrase, string ModelText)> Shared(string text) =>
        Phrases(text).Distinct().Where(_phrases.ContainsKey).Select(p => (p, _phrases[p])).ToList();

    private static IEnumerable<string> Words(string text)
    {
        var folded = TextNormalizer.Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWord && start < 0) start = i;
            else if (!isWord && start >= 0) { yield return folded[start..i]; start = -1; }
        }
    }
}
