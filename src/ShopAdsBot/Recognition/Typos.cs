namespace ShopAdsBot.Recognition;

/// <summary>
/// Deterministic typos the way sellers make them on a phone or a keyboard, for training copies (ablation,
/// <see cref="RecognizerOptions.TypoCopies"/>): in about one word of three (four letters or more, accents already
/// folded), one letter dropped, doubled, swapped with the next one, or replaced by its neighbour on the keyboard row.
/// </summary>
public static class Typos
{
    // AZERTY and QWERTY rows: a letter's neighbours are the letters beside it in either layout.
    private static readonly string[] Rows = ["azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

    public static string Add(string text, int seed)
    {
        var rng = new Random(seed);
        var words = TextNormalizer.Fold(text).Split(' ');
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            if (word.Length < 4 || !word.All(char.IsLetter) || rng.Next(3) != 0) continue;
            var i = rng.Next(1, word.Length - 1);
            words[w] = rng.Next(4) switch
            {
                0 => word.Remove(i, 1),
                1 => word.Insert(i, word[i].ToString()),
                2 => word[..i] + word[i + 1] + word[i] + word[(i + 2)..],
                _ => word[..i] + Neighbour(word[i], rng) + word[(i + 1)..],
            };
        }
        return string.Join(' ', words);
    }

    private static char Neighbour(char c, Random rng)
    {
        var row = Rows[rng.Next(Rows.Length)];
        var at = row.IndexOf(c);
        if (at < 0) return c;
        return at == 0 ? row[1] : at == row.Length - 1 ? row[^2] : row[at + (rng.Next(2) == 0 ? -1 : 1)];
    }
}
