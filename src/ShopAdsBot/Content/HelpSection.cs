using Newtonsoft.Json;

namespace ShopAdsBot.Content;

/// <summary>One help article of seeds/help-sections.json: the only place a URL lives.</summary>
public sealed class HelpSection
{
    public string Id { get; init; } = "";
    /// <summary>The flows that link this section (the validator keeps it exact).</summary>
    public List<string> Branches { get; init; } = [];
    [JsonProperty("title_fr")] public string TitleFr { get; init; } = "";
    [JsonProperty("title_en")] public string TitleEn { get; init; } = "";
    [JsonProperty("url")] public string UrlFr { get; init; } = "";
    [JsonProperty("url_en")] public string UrlEn { get; init; } = "";
    /// <summary>How <see cref="UrlFr"/> was checked: seen in a stored copy of the page, or inferred (and from what).</summary>
    [JsonProperty("url_check")] public UrlCheck? UrlFrCheck { get; init; }
    /// <summary>How <see cref="UrlEn"/> was checked.</summary>
    [JsonProperty("url_en_check")] public UrlCheck? UrlEnCheck { get; init; }
    /// <summary>The page the seed text comes from: every branch must link it.</summary>
    public bool Seed { get; init; }
    /// <summary>For content editors (why this page, what it is not); never shown to users.</summary>
    public string? Note { get; init; }

    public string Title(string? lang) => LocalizedText.Normalize(lang) == "en" && TitleEn.Length > 0 ? TitleEn : TitleFr;
    public string Url(string? lang) => LocalizedText.Normalize(lang) == "en" && UrlEn.Length > 0 ? UrlEn : UrlFr;
}

/// <summary>Where a URL was checked (for content editors; never shown to users).</summary>
public sealed class UrlCheck
{
    public const string Seen = "seen";
    public const string Inferred = "inferred";

    /// <summary><see cref="Seen"/> (a stored copy of the page at this URL was read) or <see cref="Inferred"/>.</summary>
    public string Status { get; init; } = "";
    /// <summary>The stored copy that was read, or what the inference rests on.</summary>
    public string From { get; init; } = "";
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
