using System.Text.Json.Nodes;

namespace ShopAdsBot.BrowserTests;

/// <summary>
/// The content files read straight from the repository (dialogs/, seeds/), so the tests know which labels, titles and
/// URLs a seller must see without copying them: content editors change a text and the tests follow.
/// </summary>
internal static class SeedContent
{
    internal static readonly string Root = LocateRoot();

    /// <summary>A flow file of dialogs/ (e.g. "ads-tab-missing", "main-menu").</summary>
    public static JsonNode Flow(string id) => Read("dialogs", id + ".json");

    public static string FlowTitle(string flowId, string lang) => Text(Flow(flowId)["title"], lang);

    public static JsonNode Node(string flowId, string nodeId) =>
        Flow(flowId)["nodes"]!.AsArray().Single(n => (string?)n!["id"] == nodeId)!;

    public static string ChoiceTitle(string flowId, string nodeId, string choiceId, string lang) =>
        Text(Node(flowId, nodeId)["choices"]!.AsArray().Single(c => (string?)c!["id"] == choiceId)!["title"], lang);

    /// <summary>A string of dialogs/main-menu.json ("yes", "resolvedThanks"...).</summary>
    /// <summary>The question (or answer text) of a flow's first node.</summary>
    public static string StartText(string flowId, string lang) => Text(Node(flowId, (string)Flow(flowId)["start"]!)["text"], lang);

    public static string MenuString(string key, string lang) => Text(Flow("main-menu")["strings"]![key], lang);

    /// <summary>The title of the main-menu group that lists this branch.</summary>
    public static string GroupTitleOf(string branchId, string lang) =>
        Text(Flow("main-menu")["groups"]!.AsArray()
            .Single(g => g!["branches"]!.AsArray().Any(b => (string?)b == branchId))!["title"], lang);

    /// <summary>A section of seeds/help-sections.json: its title and URL in that language.</summary>
    public static (string Title, string Url) HelpSection(string id, string lang)
    {
        var section = Read("seeds", "help-sections.json").AsArray().Single(s => (string?)s!["id"] == id)!;
        string Field(string fr, string en) =>
            lang == "en" && !string.IsNullOrEmpty((string?)section[en]) ? (string)section[en]! : (string)section[fr]!;
        return (Field("title_fr", "title_en"), Field("url", "url_en"));
    }

    private static string Text(JsonNode? localized, string lang) => (string)localized![lang]!;

    private static JsonNode Read(params string[] path) => JsonNode.Parse(File.ReadAllText(Path.Combine([Root, .. path])))!;

    private static string LocateRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopAdsBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ShopAdsBot.sln not found above " + AppContext.BaseDirectory);
    }
}
