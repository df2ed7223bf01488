using System.Runtime.CompilerServices;
using BotDialogs.Choices;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Dialogs.Input;

/// <summary>
/// Finds which choice an answer names. In order: the card's submitted value; then the text by exact value, title or
/// synonym; by position ("2", "le deuxième", "second"); by a title contained in the text (or the reverse); by a title
/// with a small typo. Case, accents and punctuation are ignored. Ambiguous answers are not recognised.
/// </summary>
public static class ChoiceRecognizer
{
    // The normalised forms of a choice's value, title and synonyms, computed once per Choice object: the app's choices
    // are built once from the content (NodeChoices) and read on every turn.
    private static readonly ConditionalWeakTable<Choice, (string Normalized, string Original)[]> NormalizedCandidates = new();

    /// <summary>Recognises <paramref name="input"/>. A card submit is matched on its value only: its text is a mere echo.</summary>
    public static FoundChoice? Recognize(DialogInput input, IList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (choices is null || choices.Count == 0)
        {
            return null;
        }

        if (input.ChoiceValue is { } submitted)
        {
            return MatchValue(submitted, choices);
        }

        return Recognize(input.Text, choices);
    }

    /// <summary>Recognises typed text.</summary>
    public static FoundChoice? Recognize(string? text, IList<Choice> choices)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0 || choices is null || choices.Count == 0)
        {
            return null;
        }

        return Exact(normalized, choices)
            ?? ByPosition(normalized, choices)
            ?? Contained(normalized, choices)
            ?? WithTypo(normalized, choices);
    }

    private static FoundChoice? MatchValue(string submitted, IList<Choice> choices)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            if (string.Equals(choices[i].Value, submitted, StringComparison.OrdinalIgnoreCase))
            {
                return Found(choices, i, 1f, choices[i].Value);
            }
        }

        // A card may submit the title rather than the value.
        return Exact(TextNormalizer.Normalize(submitted), choices);
    }

    private static FoundChoice? Exact(string normalized, IList<Choice> choices)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var (candidate, original) in Candidates(choices[i]))
            {
                if (candidate == normalized)
                {
                    return Found(choices, i, 1f, original);
                }
            }
        }

        return null;
    }

    private static FoundChoice? ByPosition(string normalized, IList<Choice> choices)
    {
        var position = OrdinalWords.Parse(normalized.Split(' '));
        var index = position == OrdinalWords.Last ? choices.Count - 1 : position - 1;
        return index is { } i && i >= 0 && i < choices.Count ? Found(choices, i, 0.9f, null) : null;
    }

    private static FoundChoice? Contained(string normalized, IList<Choice> choices)
    {
        // The longest title found inside the text wins ("je veux créer une annonce" names "Créer une annonce");
        // the text found inside a single title works too ("boutique" names "Connecter ma boutique") when long enough.
        return Best(choices, (candidate, _) =>
        {
            if (candidate.Length >= 3 && ContainsWords(normalized, candidate))
            {
                return candidate.Length;
            }

            return normalized.Length >= 4 && ContainsWords(candidate, normalized) ? normalized.Length : null;
        }, 0.7f, preferHigh: true);
    }

    /// <summary>
    /// Whether <paramref name="words"/> occurs in <paramref name="text"/> as whole words (both normalized: single spaces).
    /// Found in place: every candidate of every choice is tried on each typed answer, so no padded copies are made.
    /// </summary>
    private static bool ContainsWords(string text, string words)
    {
        for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            var end = at + words.Length;
            if ((at == 0 || text[at - 1] == ' ') && (end == text.Length || text[end] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    private static FoundChoice? WithTypo(string normalized, IList<Choice> choices)
        => Best(choices, (candidate, _) =>
        {
            // The distance is at least the difference in length: most candidates are ruled out without computing it.
            var allowed = TextNormalizer.AllowedTypos(candidate.Length);
            if (Math.Abs(normalized.Length - candidate.Length) > allowed)
            {
                return null;
            }

            var distance = TextNormalizer.Distance(normalized, candidate);
            return distance <= allowed ? distance : null;
        }, 0.6f, preferHigh: false);

    /// <summary>The choice with the best score; null when two different choices share it.</summary>
    private static FoundChoice? Best(IList<Choice> choices, Func<string, string, int?> score, float confidence, bool preferHigh)
    {
        int? bestScore = null;
        int bestIndex = -1;
        string? bestSynonym = null;
        var tie = false;
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var (candidate, original) in Candidates(choices[i]))
            {
                if (score(candidate, original) is not { } s)
                {
                    continue;
                }

                var better = bestScore is null || (preferHigh ? s > bestScore : s < bestScore);
                if (better)
                {
                    (bestScore, bestIndex, bestSynonym, tie) = (s, i, original, false);
                }
                else if (s == bestScore && bestIndex != i)
                {
                    tie = true;
                }
            }
        }

        return bestScore is null || tie ? null : Found(choices, bestIndex, confidence, bestSynonym);
    }

    private static (string Normalized, string Original)[] Candidates(Choice choice) =>
        NormalizedCandidates.GetValue(choice, static c =>
        {
            var originals = new List<string?> { c.Value, c.Action?.Title };
            originals.AddRange(c.Synonyms ?? []);
            return originals.Select(original => (Normalized: TextNormalizer.Normalize(original), Original: original!))
                .Where(candidate => candidate.Normalized.Length > 0)
                .ToArray();
        });

    private static FoundChoice Found(IList<Choice> choices, int index, float score, string? synonym)
        => new() { Value = choices[index].Value, Index = index, Score = score, Synonym = synonym ?? choices[index].Value };
}
