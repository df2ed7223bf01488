using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Cards;

namespace ShopAdsBot.Content;

/// <summary>
/// Proves the content is whole: every branch in the menu, every node reachable, no dead end, no cycle,
/// every string in FR and EN without links, every help link https, every card renders for every node in both languages.
/// The rules about sources (ContentValidator.Sources.cs) and wording (ContentValidator.Wording.cs) are in their own files.
/// </summary>
public static partial class ContentValidator
{
    private const string MenuFile = "dialogs/main-menu.json";
    private const string HelpFile = "seeds/help-sections.json";
    private static readonly string[] Languages = ["fr", "en"];

    public static IReadOnlyList<ContentProblem> Validate(ContentCatalog catalog)
    {
        var problems = new List<ContentProblem>();
        CheckMenu(catalog, problems);
        CheckHelp(catalog.Help, problems);
        foreach (var flow in catalog.Flows.Values)
            CheckFlow(catalog, flow, problems);
        CheckSources(catalog, problems);
        CheckWording(catalog, problems);
        CheckCards(catalog, problems);
        return problems;
    }

    private static void CheckMenu(ContentCatalog catalog, List<ContentProblem> problems)
    {
        void Add(string message) => problems.Add(new(MenuFile, null, message));
        var menu = catalog.Menu;

        // The branches are the flow files; the menu orders them. Both must name the same set, each branch once.
        if (!catalog.Flows.ContainsKey(ContentCatalog.SupportBranchId))
            problems.Add(new($"dialogs/{ContentCatalog.SupportBranchId}.json", null, "branch file is missing: a final « Non » escalates to this branch"));
        if (menu.Groups.Count == 0) Add("no menu groups");
        foreach (var group in menu.Groups)
        {
            CheckText(group.Title, $"group '{group.Id}' title", Add);
            if (menu.Groups.Count(g => g.Id == group.Id) > 1) Add($"group '{group.Id}' is defined twice");
            if (group.Branches.Count is 0 or > 6) Add($"group '{group.Id}' has {group.Branches.Count} branches (1..6 keep the menu readable)");
            foreach (var id in group.Branches.Where(id => !catalog.Flows.ContainsKey(id)))
                Add($"group '{group.Id}': branch '{id}' has no flow file dialogs/{id}.json (write the flow, or remove it from the menu)");
        }
        foreach (var id in catalog.BranchIds)
        {
            var count = menu.Groups.Sum(g => g.Branches.Count(b => b == id));
            if (count == 0) Add($"branch '{id}' (dialogs/{id}.json) is in no group: list it in one group's \"branches\" (its flow says \"group\": \"{catalog.Flows[id].Group}\")");
            else if (count > 1) Add($"branch '{id}' must appear in exactly one group (found {count})");
        }

        foreach (var key in MenuDefinition.RequiredStrings.Where(k => !menu.Has(k)))
            Add($"string '{key}' is missing");
        foreach (var (key, text) in menu.Strings)
        {
            CheckText(text, $"string '{key}'", Add);
            if (!MenuDefinition.Placeholders(text.Fr).SetEquals(MenuDefinition.Placeholders(text.En)))
                Add($"string '{key}': fr and en use different {{placeholders}}");
        }
    }

    private static void CheckHelp(HelpCatalog help, List<ContentProblem> problems)
    {
        foreach (var section in help.Sections)
        {
            void Add(string message) => problems.Add(new(HelpFile, null, $"section '{section.Id}': {message}"));
            if (help.Sections.Count(s => s.Id == section.Id) > 1) Add("id is used twice");
            if (section.TitleFr.Trim().Length == 0) Add("title_fr is empty");
            if (section.TitleEn.Trim().Length == 0) Add("title_en is empty");
            foreach (var (name, url) in new[] { ("url", section.UrlFr), ("url_en", section.UrlEn) })
                if (!CardRules.IsHttps(url)) Add($"{name} '{url}' is not an absolute https URL");
        }
    }

    private static void CheckFlow(ContentCatalog catalog, FlowDefinition flow, List<ContentProblem> problems)
    {
        var file = $"dialogs/{flow.Id}.json";
        void AddFlow(string message) => problems.Add(new(file, null, message));

        var fileId = catalog.Flows.First(kv => kv.Value == flow).Key;
        if (flow.Id != fileId) AddFlow($"id '{flow.Id}' must equal the file name '{fileId}'");
        // The file name is the branch id: buttons, stored positions, traces and the recognizer's labels carry it.
        if (!KebabCase().IsMatch(fileId)) AddFlow($"file name '{fileId}' must be kebab-case: it is the branch id");
        if (fileId is CardFactory.MenuFlow or Recognition.ShopAdsRecognizer.NoneIntent)
            AddFlow($"'{fileId}' is reserved ({(fileId == CardFactory.MenuFlow ? "the menu's buttons" : "the recognizer's out-of-scope label")}): name the branch otherwise");
        if (catalog.Menu.GroupOf(flow.Id) is { } group && group.Id != flow.Group)
            AddFlow($"group '{flow.Group}' does not match the menu, which lists it under '{group.Id}'");
        CheckText(flow.Title, "title", AddFlow);
        CheckText(flow.Summary, "summary", AddFlow);
        if (flow.Nodes.Count == 0) { AddFlow("no nodes"); return; }
        if (flow.FindNode(flow.Start) is null) AddFlow($"start '{flow.Start}' does not exist");

        foreach (var node in flow.Nodes)
        {
            void Add(string message) => problems.Add(new(file, node.Id, message));
            if (!KebabCase().IsMatch(node.Id)) Add("id must be kebab-case");
            if (flow.Nodes.Count(n => n.Id == node.Id) > 1) Add("id is used twice");
            if (node.IsQuestion) CheckQuestion(flow, node, Add);
            else if (node.IsAnswer) CheckAnswer(catalog, flow, node, Add);
            else Add($"type '{node.Type}' must be 'question' or 'answer'");
        }

        var reachable = Reachable(flow);
        if (flow.FindNode(flow.Start) is not null)
            foreach (var node in flow.Nodes.Where(n => !reachable.Contains(n.Id)))
                problems.Add(new(file, node.Id, $"not reachable from start '{flow.Start}'"));
        if (FindCycle(flow) is { } cycle)
            problems.Add(new(file, cycle[0], $"cycle: {string.Join(" → ", cycle)}"));
    }

    private static void CheckQuestion(FlowDefinition flow, FlowNode node, Action<string> add)
    {
        CheckText(node.Text, "text", add);
        if (node.Context is not null) CheckText(node.Context, "context", add);
        if (node.Choices.Count is < 2 or > 6) add($"has {node.Choices.Count} choices (2..6 expected)");
        if (node.Next is not null) add("a question has no 'next': its choices lead on");
        foreach (var choice in node.Choices)
        {
            if (!KebabCase().IsMatch(choice.Id)) add($"choice '{choice.Id}': id must be kebab-case");
            if (node.Choices.Count(c => c.Id == choice.Id) > 1) add($"choice '{choice.Id}': id is used twice");
            CheckText(choice.Title, $"choice '{choice.Id}' title", add);
            if (flow.FindNode(choice.Next) is null) add($"choice '{choice.Id}': next '{choice.Next}' does not exist");
            foreach (var lang in choice.Synonyms?.Keys.Except(Languages) ?? [])
                add($"choice '{choice.Id}': synonyms language '{lang}' must be fr or en");
            foreach (var lang in choice.AnsweredBy?.Keys.Except(Languages) ?? [])
                add($"choice '{choice.Id}': answeredBy language '{lang}' must be fr or en");
            if (choice.AnsweredBy is not null && node.Id != flow.Start)
                add($"choice '{choice.Id}': answeredBy is read on the flow's first question only");
        }
    }

    private static void CheckAnswer(ContentCatalog catalog, FlowDefinition flow, FlowNode node, Action<string> add)
    {
        CheckText(node.Title, "title", add);
        foreach (var (text, name) in new[] { (node.Intro, "intro"), (node.Note, "note") })
            if (text is not null) CheckText(text, name, add);
        if (node.Steps.Count == 0 && node.Intro is null) add("an answer needs steps or an intro");
        if (node.Steps.Count > 6) add($"has {node.Steps.Count} steps (6 at most)");
        for (var i = 0; i < node.Steps.Count; i++) CheckText(node.Steps[i], $"step {i + 1}", add);
        if (node.Choices.Count > 0) add("an answer has no choices (it ends with « Cela a-t-il résolu votre problème ? »)");
        foreach (var id in node.Sections.Where(id => !catalog.Help.Contains(id)))
            add($"help section '{id}' does not exist in {HelpFile}");
        if (node.Next is not null && flow.FindNode(node.Next) is null) add($"next '{node.Next}' does not exist");
    }

    private static void CheckText(LocalizedText text, string what, Action<string> add)
    {
        foreach (var (lang, value) in new[] { ("fr", text.Fr), ("en", text.En) })
        {
            if (value.Trim().Length == 0) add($"{what}: {lang} text is missing");
            else if (MarkdownLink().IsMatch(value)) add($"{what}: {lang} text has a markdown link (links come only from 'sections')");
            else if (RawUrl().IsMatch(value)) add($"{what}: {lang} text has a URL (links come only from 'sections')");
        }
    }

    private static HashSet<string> Reachable(FlowDefinition flow)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([flow.Start]);
        while (pending.TryPop(out var id))
            if (flow.FindNode(id) is { } node && seen.Add(id))
                foreach (var next in Successors(node)) pending.Push(next);
        return seen;
    }

    // A flow is a directed acyclic graph: a cycle (through choices or "Non" → next) would trap the user in a loop.
    private static List<string>? FindCycle(FlowDefinition flow)
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        List<string>? Visit(string id)
        {
            if (path.IndexOf(id) is var at and >= 0) return [.. path[at..], id];
            if (!done.Add(id) || flow.FindNode(id) is not { } node) return null;
            path.Add(id);
            foreach (var next in Successors(node))
                if (Visit(next) is { } cycle) return cycle;
            path.RemoveAt(path.Count - 1);
            return null;
        }
        return flow.Nodes.Select(n => Visit(n.Id)).FirstOrDefault(c => c is not null);
    }

    private static IEnumerable<string> Successors(FlowNode node) =>
        node.Choices.Select(c => c.Next).Concat(node.Next is null ? [] : [node.Next]);

    // Every card, for every node and both languages, must render into a card every channel shows.
    private static void CheckCards(ContentCatalog catalog, List<ContentProblem> problems)
    {
        var missing = ContentCatalog.TemplateNames.Where(t => !catalog.CardTemplates.ContainsKey(t)).ToList();
        foreach (var name in missing) problems.Add(new($"cards/{name}.json", null, "card template is missing"));
        if (missing.Count > 0 || problems.Count > 0) return; // rendering broken content would only repeat the problems above

        // Rendering every card is most of the check: the languages are rendered side by side (at start-up a core is
        // free while the host starts), each into its own list, reported in the languages' order.
        var cards = new CardFactory(catalog);
        var perLanguage = new List<ContentProblem>[Languages.Length];
        Parallel.For(0, Languages.Length, i => perLanguage[i] = CheckCards(catalog, cards, Languages[i]));
        foreach (var found in perLanguage) problems.AddRange(found);
    }

    private static List<ContentProblem> CheckCards(ContentCatalog catalog, CardFactory cards, string lang)
    {
        var problems = new List<ContentProblem>();
        CheckRender("welcome", null, lang, () => cards.Welcome(lang), problems);
        CheckRender("menu", null, lang, () => cards.Menu(lang), problems);
        CheckRender("suggestions", null, lang, () => cards.Suggestions(catalog.BranchIds, lang), problems);
        foreach (var key in catalog.Menu.Strings.Keys)
            CheckRender("notice", $"string {key}", lang, () => cards.Notice(catalog.Menu.Text(key, lang), lang, withMenuButton: true), problems);
        CheckRender("notice", "without menu button", lang, () => cards.Notice(catalog.Menu.Text("help", lang), lang, withMenuButton: false), problems);
        foreach (var flow in catalog.Flows.Values)
            foreach (var node in flow.Nodes)
                CheckRender(node.IsQuestion ? "question" : "answer", $"{flow.Id}/{node.Id}", lang,
                    () => cards.Node(flow, node, lang), problems);
        return problems;
    }

    private static void CheckRender(string template, string? node, string lang, Func<Microsoft.Bot.Schema.Attachment> render, List<ContentProblem> problems)
    {
        var where = node is null ? $"({lang})" : $"{node} ({lang})";
        try
        {
            foreach (var message in CardRules.Check((JObject)render().Content))
                problems.Add(new($"cards/{template}.json", where, message));
        }
        catch (Exception e) when (e is ContentException or InvalidCastException or ArgumentException)
        {
            problems.Add(new($"cards/{template}.json", where, $"does not render: {e.Message}"));
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"\[[^\]]*\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"https?://|www\.", RegexOptions.IgnoreCase)]
    private static partial Regex RawUrl();
}
