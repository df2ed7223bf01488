using System.Text.RegularExpressions;

namespace ShopAdsBot.Content;

/// <summary>
/// Wording rules a machine can check (docs/content.md "Review checklist"): an article a text names is the one its button
/// opens, and an English interface label quoted in French text says that the screen shows it in English.
/// </summary>
public static partial class ContentValidator
{
    /// <summary>The words a French text adds after English interface labels (e.g. « Users » > « Members », en anglais à l'écran).</summary>
    public const string EnglishLabelNote = "en anglais à l'écran";

    private static void CheckWording(ContentCatalog catalog, List<ContentProblem> problems)
    {
        foreach (var flow in catalog.Flows.Values)
            foreach (var node in flow.Nodes)
            {
                void Add(string message) => problems.Add(new($"dialogs/{flow.Id}.json", node.Id, message));
                var sections = node.Sections.Where(catalog.Help.Contains).Select(id => catalog.Help[id]).ToList();
                foreach (var (what, text) in Texts(node))
                {
                    CheckEnglishLabels(text, what, catalog.SeedText, Add);
                    foreach (var lang in Languages)
                        foreach (var title in NamedArticles(text.Get(lang)).Where(t => !sections.Any(s => s.Title(lang) == t)))
                            Add($"{what} ({lang}) names the article « {title} », but no button of this answer opens a page with that title "
                                + $"(its sections: {string.Join(", ", sections.Select(s => $"« {s.Title(lang)} »"))})");
                }
            }
        foreach (var (key, text) in catalog.Menu.Strings)
            CheckEnglishLabels(text, $"string '{key}'", catalog.SeedText, m => problems.Add(new("dialogs/main-menu.json", null, m)));
    }

    private static IEnumerable<(string What, LocalizedText Text)> Texts(FlowNode node)
    {
        foreach (var (what, text) in new[] { ("title", node.Title), ("text", node.Text), ("context", node.Context), ("intro", node.Intro), ("note", node.Note) })
            if (text is not null) yield return (what, text);
        for (var i = 0; i < node.Steps.Count; i++) yield return ($"step {i + 1}", node.Steps[i]);
        foreach (var choice in node.Choices) yield return ($"choice '{choice.Id}' title", choice.Title);
    }

    /// <summary>
    /// A label quoted the same way in both languages (« Users » / “Users”) is the English interface label, unless the French
    /// seed uses that word itself (« Marketing », « Admin ») or it is a bot command (« menu »).
    /// </summary>
    private static void CheckEnglishLabels(LocalizedText text, string what, string seed, Action<string> add)
    {
        var english = Quoted(FrenchQuote(), text.Fr).Intersect(Quoted(EnglishQuote(), text.En))
            .Where(label => label.Any(char.IsLetter) && label != "menu" && !IsPlaceholder(label) && !seed.Contains(label, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (english.Count > 0 && !text.Fr.Contains(EnglishLabelNote, StringComparison.Ordinal))
            add($"{what} (fr) quotes the English interface label(s) « {string.Join(" », « ", english)} » without saying « {EnglishLabelNote} »");
    }

    // « {step} » quotes a value filled in at run time (dialogs/main-menu.json), not an interface label.
    private static bool IsPlaceholder(string label) => label.StartsWith('{') && label.EndsWith('}');

    private static IEnumerable<string> Quoted(Regex quote, string text) => quote.Matches(text).Select(m => m.Groups[1].Value.Trim());

    private static IEnumerable<string> NamedArticles(string text) => NamedArticle().Matches(text).Select(m => m.Groups[1].Value.Trim());

    [GeneratedRegex("«\\s*([^»]+?)\\s*»")]
    private static partial Regex FrenchQuote();

    [GeneratedRegex("“([^”]+)”")]
    private static partial Regex EnglishQuote();

    // "l'article « X »", "le guide « X »", "the article “X”", with a few words in between ("l'article le plus proche, « X »").
    [GeneratedRegex("(?:article|guide)[^«“»”.:]{0,40}?[«“]\\s*([^»”]+?)\\s*[»”]", RegexOptions.IgnoreCase)]
    private static partial Regex NamedArticle();
}
