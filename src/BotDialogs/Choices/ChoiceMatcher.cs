using System.Globalization;
using System.Text.RegularExpressions;

namespace BotDialogs.Choices;

/// <summary>
/// What <see cref="ChoicePrompt"/> and <see cref="ConfirmPrompt"/> understand in a typed answer: a choice's value, its
/// action's title or a synonym, whole or found as words inside the text (case ignored), or the choice's number
/// ("2"). A smaller recogniser than the real package's (no ordinal words, no partial words); subclasses that need more
/// override <c>OnRecognizeAsync</c>.
/// </summary>
internal static partial class ChoiceMatcher
{
    public static FoundChoice? Find(string? utterance, IList<Choice> choices)
    {
        var words = Words(utterance);
        if (words.Length == 0 || choices is null || choices.Count == 0)
        {
            return null;
        }

        if (words.Length == 1 && int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count)
        {
            return new FoundChoice { Value = choices[number - 1].Value, Index = number - 1, Score = 1f, Synonym = words[0] };
        }

        FoundChoice? best = null;
        var bestLength = 0;
        for (var index = 0; index < choices.Count; index++)
        {
            foreach (var candidate in Candidates(choices[index]))
            {
                var candidateWords = Words(candidate);
                if (candidateWords.Length > bestLength && ContainsPhrase(words, candidateWords))
                {
                    bestLength = candidateWords.Length;
                    best = new FoundChoice
                    {
                        Value = choices[index].Value,
                        Index = index,
                        Score = (float)candidateWords.Length / words.Length,
                        Synonym = candidate,
                    };
                }
            }
        }

        return best;
    }

    /// <summary>Lower-case words: letters, digits and apostrophes; everything else separates.</summary>
    public static string[] Words(string? text)
        => string.IsNullOrWhiteSpace(text)
            ? []
            : WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();

    [GeneratedRegex(@"[\p{L}\p{N}'’]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    private static IEnumerable<string> Candidates(Choice choice)
    {
        yield return choice.Value;
        if (choice.Action?.Title is { Length: > 0 } title)
        {
            yield return title;
        }

        foreach (var synonym in choice.Synonyms ?? [])
        {
            yield return synonym;
        }
    }

    /// <summary>Whether <paramref name="phrase"/> appears in <paramref name="words"/> as whole, consecutive words.</summary>
    public static bool ContainsPhrase(string[] words, string[] phrase)
    {
        if (phrase.Length == 0)
        {
            return false;
        }

        for (var start = 0; start + phrase.Length <= words.Length; start++)
        {
            var i = 0;
            while (i < phrase.Length && words[start + i] == phrase[i])
            {
                i++;
            }

            if (i == phrase.Length)
            {
                return true;
            }
        }

        return false;
    }
}
