namespace ShopAdsBot.Content;

/// <summary>
/// Rules about where the bot's links come from (docs/content.md "Links and their sources"): every URL says how it was
/// checked, no two sections open the same page, each section lists exactly the flows that link it, every flow links the
/// seed's own page, and « Non » never shows the page the seller has just seen.
/// </summary>
public static partial class ContentValidator
{
    private static readonly string[] UrlStatuses = [UrlCheck.Seen, UrlCheck.Inferred];

    private static void CheckSources(ContentCatalog catalog, List<ContentProblem> problems)
    {
        var linkedBy = catalog.Flows.Values
            .SelectMany(f => f.Nodes.SelectMany(n => n.Sections).Select(id => (Section: id, Flow: f.Id)))
            .ToLookup(x => x.Section, x => x.Flow);

        foreach (var section in catalog.Help.Sections)
        {
            void Add(string message) => problems.Add(new(HelpFile, null, $"section '{section.Id}': {message}"));
            foreach (var (name, check) in new[] { ("url_check", section.UrlFrCheck), ("url_en_check", section.UrlEnCheck) })
            {
                if (check is null) Add($"{name} is missing (say whether the URL was seen in a stored copy of the page, or inferred, and from what)");
                else if (!UrlStatuses.Contains(check.Status)) Add($"{name}: status '{check.Status}' must be '{UrlCheck.Seen}' or '{UrlCheck.Inferred}'");
                else if (check.From.Trim().Length == 0) Add($"{name}: 'from' must say what the URL was seen in or inferred from");
            }
            foreach (var other in catalog.Help.Sections.TakeWhile(s => s != section))
                foreach (var url in new[] { section.UrlFr, section.UrlEn }.Distinct().Where(u => u == other.UrlFr || u == other.UrlEn))
                    Add($"opens the same page as section '{other.Id}' ({url}): one section per page");

            var flows = linkedBy[section.Id].ToHashSet();
            if (flows.Count == 0) Add("no flow links it (remove it, or link it from an answer)");
            else if (!flows.SetEquals(section.Branches))
                Add($"branches [{string.Join(", ", section.Branches)}] must list exactly the flows that link it: [{string.Join(", ", catalog.BranchIds.Where(flows.Contains))}]");
            if (section.Seed)
                foreach (var flow in catalog.Flows.Values.Where(f => !flows.Contains(f.Id)))
                    problems.Add(new($"dialogs/{flow.Id}.json", null, $"links no node to '{section.Id}', the seed's own page: every branch links it"));
        }

        foreach (var flow in catalog.Flows.Values)
            foreach (var node in flow.Nodes.Where(n => n.IsAnswer && n.Next is not null))
                if (flow.FindNode(node.Next) is { IsAnswer: true } next && node.Sections.Intersect(next.Sections).ToList() is { Count: > 0 } twice)
                    problems.Add(new($"dialogs/{flow.Id}.json", node.Id,
                        $"« Non » leads to '{next.Id}', which links '{string.Join("', '", twice)}' again: the next remedy must open other pages"));
    }
}
