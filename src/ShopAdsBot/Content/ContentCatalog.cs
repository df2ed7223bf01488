using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace ShopAdsBot.Content;

/// <summary>Everything in dialogs/, cards/ and seeds/, loaded and validated once at startup.</summary>
public sealed class ContentCatalog
{
    /// <summary>The branch a final "Non" escalates to (the validator requires it in dialogs/).</summary>
    public const string SupportBranchId = "support-contact";

    /// <summary>The seed help text, relative to the content root.</summary>
    public const string SeedFile = "seeds/seed-shop-ads-help.fr.txt";

    /// <summary>The card templates the bot renders (cards/&lt;name&gt;.json).</summary>
    public static IReadOnlyList<string> TemplateNames { get; } = ["welcome", "menu", "question", "answer", "suggestions", "notice", "answered", "ask"];

    public required string Root { get; init; }
    public required IReadOnlyDictionary<string, FlowDefinition> Flows { get; init; }
    public required MenuDefinition Menu { get; init; }

    /// <summary>
    /// The troubleshooting branches, from dialogs/ alone: one per flow file (dialogs/&lt;id&gt;.json but main-menu.json),
    /// in the order of the menu's groups (dialogs/main-menu.json). A flow the menu does not list comes last, in file-name
    /// order, and the validator refuses it; so does a menu entry with no flow file. The recognizer's classes, the
    /// evaluation's tables and the tests all take this list: adding a branch is a content change, never a C# one.
    /// </summary>
    public required IReadOnlyList<string> BranchIds { get; init; }
    public required HelpCatalog Help { get; init; }
    public required IReadOnlyDictionary<string, JObject> CardTemplates { get; init; }
    /// <summary>seeds/seed-shop-ads-help.fr.txt, the French help text the flows come from (empty when absent).</summary>
    public string SeedText { get; init; } = "";

    public FlowDefinition Flow(string branchId) =>
        Flows.TryGetValue(branchId, out var flow) ? flow : throw new ContentException($"dialogs/{branchId}.json: branch does not exist");

    /// <summary>Reads and validates the content; throws a <see cref="ContentException"/> listing every problem.</summary>
    public static ContentCatalog Load(string contentRoot) => Validated(Read(contentRoot));

    /// <summary>The catalog once <see cref="ContentValidator"/> finds no problem; else a <see cref="ContentException"/> listing them.</summary>
    public static ContentCatalog Validated(ContentCatalog catalog)
    {
        var problems = ContentValidator.Validate(catalog);
        return problems.Count == 0 ? catalog : throw new ContentException(problems);
    }

    /// <summary>Reads the files without validating them (throws only when a file is missing or is not the expected JSON).</summary>
    public static ContentCatalog Read(string contentRoot)
    {
        var flows = new Dictionary<string, FlowDefinition>();
        foreach (var path in Files(contentRoot, "dialogs").Where(p => Path.GetFileName(p) != "main-menu.json"))
            flows[Path.GetFileNameWithoutExtension(path)] = ReadModel<FlowDefinition>(contentRoot, path);

        var templates = new Dictionary<string, JObject>();
        foreach (var path in Files(contentRoot, "cards"))
            templates[Path.GetFileNameWithoutExtension(path)] = ReadJson(contentRoot, path) as JObject
                ?? throw new ContentException($"{Relative(contentRoot, path)}: a card template must be a JSON object");

        var menu = ReadModel<MenuDefinition>(contentRoot, Path.Combine(contentRoot, "dialogs", "main-menu.json"));
        var menuOrder = menu.Groups.SelectMany(g => g.Branches).Distinct().ToList();
        return new ContentCatalog
        {
            Root = contentRoot,
            Flows = flows,
            Menu = menu,
            BranchIds = [.. flows.Keys.OrderBy(id => menuOrder.IndexOf(id) is var i and >= 0 ? i : int.MaxValue).ThenBy(id => id, StringComparer.Ordinal)],
            Help = new HelpCatalog(ReadModel<List<HelpSection>>(contentRoot, Path.Combine(contentRoot, "seeds", "help-sections.json"))),
            CardTemplates = templates,
            SeedText = File.Exists(Path.Combine(contentRoot, SeedFile)) ? File.ReadAllText(Path.Combine(contentRoot, SeedFile)) : "",
        };
    }

    /// <summary>
    /// The content root: the app's base directory (the host copies dialogs/, cards/, seeds/ to its output),
    /// else the first parent of it (or of the current directory) holding dialogs/main-menu.json: the repository when run from source.
    /// </summary>
    public static string LocateRoot() =>
        FindUpwards(dir => File.Exists(Path.Combine(dir, "dialogs", "main-menu.json")))
        ?? throw new ContentException($"dialogs/main-menu.json: not found under {AppContext.BaseDirectory} or any parent directory");

    /// <summary>
    /// The repository (the folder of ShopAdsBot.sln), never the output copy: where tools such as the diagram
    /// generator must write, e.g. <c>FlowDiagram.WriteReadme(ContentCatalog.LocateSourceRoot())</c>.
    /// </summary>
    public static string LocateSourceRoot() =>
        FindUpwards(dir => File.Exists(Path.Combine(dir, "ShopAdsBot.sln")) && Directory.Exists(Path.Combine(dir, "dialogs")))
        ?? throw new ContentException($"dialogs/: no repository (ShopAdsBot.sln) above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}");

    private static string? FindUpwards(Func<string, bool> isRoot)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (isRoot(dir.FullName)) return dir.FullName;
        return null;
    }

    internal static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static IEnumerable<string> Files(string root, string folder)
    {
        var dir = Path.Combine(root, folder);
        if (!Directory.Exists(dir)) throw new ContentException($"{folder}/: folder not found in {root}");
        return Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal);
    }

    // Strict: an unknown property is an error, so a typo ("sumary") is reported instead of silently dropped.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy() },
        MissingMemberHandling = MissingMemberHandling.Error,
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None, // date-like strings stay strings
        ObjectCreationHandling = ObjectCreationHandling.Replace, // never fill a default instance in place
    });

    private static T ReadModel<T>(string root, string path)
    {
        if (!File.Exists(path)) throw new ContentException($"{Relative(root, path)}: file not found");
        try
        {
            // Straight from the file, without a JSON tree built first and converted after (a start-up reads every flow).
            using var reader = new JsonTextReader(new StreamReader(path)); // the serializer's settings apply to it
            return Serializer.Deserialize<T>(reader) ?? throw new ContentException($"{Relative(root, path)}: empty file");
        }
        catch (JsonException e)
        {
            ReadJson(root, path); // a file that is not JSON at all is reported as such ("invalid JSON")
            throw new ContentException($"{Relative(root, path)}: {e.Message}", e);
        }
    }

    /// <summary>Parses a JSON file, keeping date-like strings as strings.</summary>
    internal static JToken ReadJson(string root, string path)
    {
        if (!File.Exists(path)) throw new ContentException($"{Relative(root, path)}: file not found");
        try
        {
            using var reader = new JsonTextReader(new StreamReader(path)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
        catch (JsonException e)
        {
            throw new ContentException($"{Relative(root, path)}: invalid JSON: {e.Message}", e);
        }
    }
}
