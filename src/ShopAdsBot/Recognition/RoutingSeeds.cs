using System.Text.Json;
using ShopAdsBot.Content;

namespace ShopAdsBot.Recognition;

/// <summary>The hand-written domain knowledge of seeds/routing-keywords.json.</summary>
public sealed record RoutingKeywords
{
    public IReadOnlyList<string> Stopwords { get; init; } = [];
    public IReadOnlyDictionary<string, string> Spelling { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Phrases { get; init; } = new Dictionary<string, string>();
    /// <summary>
    /// Words that tie a message to Shop Ads (pub, campagne, BC, Ads Manager, onglet, rejet, support...). A message with
    /// none of them is about the shop, the account or TikTok in general, not about Shop Ads (docs/recognizer.md).
    /// </summary>
    public IReadOnlyList<string> Cues { get; init; } = [];
    /// <summary>
    /// Words that place a message elsewhere than Shop Ads whatever its ad words say: other ad platforms (Google, Meta,
    /// Pinterest...). One learned feature for all of them, so what one platform teaches the model applies to the others.
    /// </summary>
    public IReadOnlyList<string> Elsewhere { get; init; } = [];
    /// <summary>Branch id → language → key phrases.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Branches { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>();

    /// <summary>
    /// Every field, as texts in a fixed order (a list's or map's length first): what the compiled model's fingerprint
    /// hashes (<see cref="RecognizerModelFile"/>). A field added above must be added here, or a model trained without it
    /// would still be taken as fitting.
    /// </summary>
    public IEnumerable<string> Texts()
    {
        foreach (var list in new[] { Stopwords, Cues, Elsewhere })
        {
            yield return list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var word in list) yield return word;
        }
        foreach (var map in new[] { Spelling, Phrases })
        {
            yield return map.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (from, to) in map) { yield return from; yield return to; }
        }
        foreach (var (branch, languages) in Branches)
            foreach (var (lang, phrases) in languages)
            {
                yield return $"{branch}/{lang}/{phrases.Count}";
                foreach (var phrase in phrases) yield return phrase;
            }
    }

    /// <summary>The key phrases as labelled utterances, so they train the model like examples.</summary>
    public IEnumerable<LabelledUtterance> AsUtterances() =>
        from branch in Branches
        from lang in branch.Value
        from phrase in lang.Value
        select new LabelledUtterance(branch.Key, lang.Key, phrase);
}

/// <summary>Reads the recognizer's data files from a seeds directory.</summary>
public static class RoutingSeeds
{
    public const string ExamplesFile = "routing-examples.tsv";
    public const string KeywordsFile = "routing-keywords.json";
    /// <summary>
    /// Reads a tab-separated file of branch, lang, text (one per line; blank lines and # comments skipped). Every label
    /// must be one of <paramref name="branchIds"/> (the content's branches) or "none": any other is a
    /// <see cref="ContentException"/> naming each such line, so a typo or a removed branch stops the load.
    /// </summary>
    public static IReadOnlyList<LabelledUtterance> ReadUtterances(string path, IReadOnlyCollection<string> branchIds)
    {
        var list = new List<LabelledUtterance>();
        var unknown = new List<ContentProblem>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            if (cols.Length != 3 || cols.Any(string.IsNullOrWhiteSpace))
                throw new InvalidDataException($"{path}:{lineNo}: expected 3 tab-separated columns (branch, lang, text).");
            var label = cols[0].Trim();
            if (!IsLabel(label, branchIds))
                unknown.Add(new($"seeds/{Path.GetFileName(path)}:{lineNo}", null, NotABranch(label, branchIds)));
            list.Add(new LabelledUtterance(label, cols[1].Trim(), cols[2].Trim()));
        }
        return unknown.Count == 0 ? list : throw new ContentException(unknown);
    }

    /// <summary>Reads the keywords; a key of "branches" that is neither one of <paramref name="branchIds"/> nor "none" is a <see cref="ContentException"/>.</summary>
    public static RoutingKeywords ReadKeywords(string path, IReadOnlyCollection<string> branchIds)
    {
        var keywords = ReadKeywords(path);
        var unknown = keywords.Branches.Keys.Where(b => !IsLabel(b, branchIds))
            .Select(b => new ContentProblem($"seeds/{Path.GetFileName(path)}", null, $"branches: {NotABranch(b, branchIds)}")).ToList();
        return unknown.Count == 0 ? keywords : throw new ContentException(unknown);
    }

    private static bool IsLabel(string label, IReadOnlyCollection<string> branchIds) =>
        label == ShopAdsRecognizer.NoneIntent || branchIds.Contains(label);

    private static string NotABranch(string label, IReadOnlyCollection<string> branchIds) =>
        $"'{label}' is not a branch of dialogs/ nor '{ShopAdsRecognizer.NoneIntent}' (branches: {string.Join(", ", branchIds)})";

    private static RoutingKeywords ReadKeywords(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        Dictionary<string, string> Map(string name) =>
            root.TryGetProperty(name, out var e)
                ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
                : new Dictionary<string, string>();
        List<string> List(string name) =>
            root.TryGetProperty(name, out var e) ? e.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList() : [];
        var branches = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        if (root.TryGetProperty("branches", out var b))
            foreach (var branch in b.EnumerateObject())
                branches[branch.Name] = branch.Value.EnumerateObject().ToDictionary(
                    l => l.Name,
                    l => (IReadOnlyList<string>)l.Value.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList());
        return new RoutingKeywords
        {
            Stopwords = List("stopwords"),
            Cues = List("cues"),
            Elsewhere = List("elsewhere"),
            Spelling = Map("spelling"),
            Phrases = Map("phrases"),
            Branches = branches,
        };
    }
}
