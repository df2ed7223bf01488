using Newtonsoft.Json;

namespace ShopAdsBot.Content;

/// <summary>One help article of seeds/help-sections.json: the only place a URL lives.</summary>
public sealed class HelpSection
{
    public string Id { get; init; } = "";
    public List<string> Branches { get; init; } = [];
    [JsonProperty("title_fr")] public string TitleFr { get; init; } = "";
    [JsonProperty("title_en")] public string TitleEn { get; init; } = "";
    [JsonProperty("url")] public string UrlFr { get; init; } = "";
    [JsonProperty("url_en")] public string UrlEn { get; init; } = "";
    /// <summary>Where the URL was checked (for content editors; never shown to users).</summary>
    public string? Evidence { get; init; }

    public string Title(string? lang) => LocalizedText.Normalize(lang) == "en" && TitleEn.Length > 0 ? TitleEn : TitleFr;
    public string Url(string? lang) => LocalizedText.Normalize(lang) == "en" && UrlEn.Length > 0 ? UrlEn : UrlFr;
}

/// <summary>The help sections by id.</summary>
public sealed class HelpCatalog(IReadOnlyList<HelpSection> sections)
{
    private readonly Dictionary<string, HelpSection> byId = sections.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());

    public IReadOnlyList<HelpSection> Sections { get; } = sections;

    public bool Contains(string id) => byId.ContainsKey(id);

    public HelpSection this[string id] =>
        byId.TryGetValue(id, out var s) ? s : throw new ContentException($"seeds/help-sections.json: section '{id}' does not exist");
}
