using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;

namespace ShopAdsBot.Tests.Content;

/// <summary>
/// A small valid content set written to a temp folder: the 11 branches, each a tiny flow (a question with two choices,
/// two answers linked by "next", fix-a linking sec-three, fix-b sec-one and sec-two), a menu with every required string, three help sections (sec-one is the seed's page), and the repo's real card templates.
/// Tests break one thing with the Edit methods and check what the loader says.
/// </summary>
public sealed class TestContent : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("shopadsbot-content-").FullName;

    public static readonly Dictionary<string, string[]> Groups = new()
    {
        ["setup"] = ["connect-shop", "create-ad", "shop-not-ready"],
        ["access"] = ["ads-tab-missing", "bc-admin-permission", "bc-access-required", "ads-manager-not-connected", "account-management"],
        ["performance"] = ["ad-rejected", "underperforming"],
        ["help"] = ["support-contact"],
    };

    public TestContent()
    {
        Directory.CreateDirectory(Path.Combine(Root, "dialogs"));
        Directory.CreateDirectory(Path.Combine(Root, "seeds"));
        Directory.CreateDirectory(Path.Combine(Root, "cards"));
        foreach (var (group, branches) in Groups)
            foreach (var id in branches)
                Write($"dialogs/{id}.json", Flow(id, group));
        Write("dialogs/main-menu.json", Menu());
        Write("seeds/help-sections.json", Help());
        foreach (var card in Directory.GetFiles(Path.Combine(RepoRoot, "cards"), "*.json"))
            File.Copy(card, Path.Combine(Root, "cards", Path.GetFileName(card)));
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    public ContentCatalog Load() => ContentCatalog.Load(Root);

    public void EditFlow(string id, Action<JObject> edit) => Edit($"dialogs/{id}.json", edit);
    public void EditNode(string flowId, string nodeId, Action<JObject> edit) =>
        EditFlow(flowId, flow => edit(flow["nodes"]!.Children<JObject>().Single(n => (string?)n["id"] == nodeId)));
    public void EditMenu(Action<JObject> edit) => Edit("dialogs/main-menu.json", edit);
    public void EditCard(string name, Action<JObject> edit) => Edit($"cards/{name}.json", edit);
    public void EditHelp(Action<JArray> edit)
    {
        var help = JArray.Parse(File.ReadAllText(Path.Combine(Root, "seeds/help-sections.json")));
        edit(help);
        Write("seeds/help-sections.json", help);
    }

    /// <summary>
    /// A branch added the way docs/architecture.md says: its flow file (a flow like the others), an entry at the end of
    /// its menu group, and the help sections its answers link (every test flow links all three) listing it.
    /// </summary>
    public void AddBranch(string id, string group)
    {
        Write($"dialogs/{id}.json", Flow(id, group));
        EditMenu(m => ((JArray)m["groups"]!.Children<JObject>().Single(g => (string?)g["id"] == group)["branches"]!).Add(id));
        EditHelp(help => { foreach (var section in help) ((JArray)section["branches"]!).Add(id); });
    }

    /// <summary>The repository's routing seeds (keywords and labelled examples), so the recognizer can be built from this content.</summary>
    public void CopyRoutingSeeds()
    {
        foreach (var file in new[] { "routing-keywords.json", "routing-examples.tsv" })
            File.Copy(Path.Combine(RepoRoot, "seeds", file), Path.Combine(Root, "seeds", file));
    }

    public void AppendText(string relativePath, string text) => File.AppendAllText(Path.Combine(Root, relativePath), text);

    public void Delete(string relativePath) => File.Delete(Path.Combine(Root, relativePath));
    public void WriteText(string relativePath, string text) => File.WriteAllText(Path.Combine(Root, relativePath), text);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public static JObject Text(string fr, string en) => new() { ["fr"] = fr, ["en"] = en };

    private void Edit(string relativePath, Action<JObject> edit)
    {
        var json = JObject.Parse(File.ReadAllText(Path.Combine(Root, relativePath)));
        edit(json);
        Write(relativePath, json);
    }

    private void Write(string relativePath, JToken json) =>
        File.WriteAllText(Path.Combine(Root, relativePath), json.ToString(Formatting.Indented));

    private static JObject Flow(string id, string group) => new()
    {
        ["id"] = id,
        ["group"] = group,
        ["title"] = Text($"Titre {id}", $"Title {id}"),
        ["summary"] = Text($"Résumé {id}", $"Summary {id}"),
        ["start"] = "ask",
        ["nodes"] = new JArray(
            new JObject
            {
                ["id"] = "ask",
                ["type"] = "question",
                ["context"] = Text("Contexte", "Context"),
                ["text"] = Text("Quelle « option » ?", "Which option?"),
                ["choices"] = new JArray(
                    new JObject { ["id"] = "a", ["title"] = Text("Choix A", "Choice A"), ["next"] = "fix-a",
                        ["synonyms"] = new JObject { ["fr"] = new JArray("premier"), ["en"] = new JArray("first") } },
                    new JObject { ["id"] = "b", ["title"] = Text("Choix B", "Choice B"), ["next"] = "fix-b" }),
            },
            new JObject
            {
                ["id"] = "fix-a",
                ["type"] = "answer",
                ["title"] = Text("Réponse A", "Answer A"),
                ["steps"] = new JArray(Text("Ouvrez le **Centre des vendeurs**.", "Open **Seller Center**."), Text("Cliquez sur « Annonces ».", "Click Ads.")),
                ["sections"] = new JArray("sec-three"),
                ["next"] = "fix-b",
            },
            new JObject
            {
                ["id"] = "fix-b",
                ["type"] = "answer",
                ["title"] = Text("Réponse B", "Answer B"),
                ["intro"] = Text("Introduction B", "Intro B"),
                ["steps"] = new JArray(Text("Étape unique", "Only step")),
                ["note"] = Text("Remarque B", "Note B"),
                ["sections"] = new JArray("sec-one", "sec-two"),
            }),
    };

    private static JObject Menu()
    {
        var strings = new JObject();
        foreach (var key in MenuDefinition.RequiredStrings)
            strings[key] = Text($"FR {key}", $"EN {key}");
        strings["openHelp"] = Text("Ouvrir l'aide : {title}", "Open help: {title}");
        strings["routedTo"] = Text("Je vous guide pour : {title}.", "Let me guide you: {title}.");
        strings["yes"] = Text("Oui", "Yes");
        strings["no"] = Text("Non", "No");
        strings["resolvedQuestion"] = Text("Cela a-t-il résolu votre problème ?", "Did this solve your problem?");
        return new JObject
        {
            ["groups"] = new JArray(Groups.Select(g => new JObject
            {
                ["id"] = g.Key,
                ["title"] = Text($"Groupe {g.Key}", $"Group {g.Key}"),
                ["branches"] = new JArray(g.Value),
            })),
            ["strings"] = strings,
        };
    }

    private static JArray Help() => new(
        new JObject
        {
            ["id"] = "sec-one", ["branches"] = AllBranches(), ["title_fr"] = "Section un", ["title_en"] = "Section one",
            ["url"] = "https://example.com/one?lang=fr", ["url_en"] = "https://example.com/one?lang=en",
            ["url_check"] = Check("seen", "stored copy"), ["url_en_check"] = Check("inferred", "language switch"), ["seed"] = true,
        },
        new JObject
        {
            ["id"] = "sec-two", ["branches"] = AllBranches(), ["title_fr"] = "Section deux", ["title_en"] = "Section two",
            ["url"] = "https://example.com/two?lang=fr", ["url_en"] = "https://example.com/two",
            ["url_check"] = Check("inferred", "language switch"), ["url_en_check"] = Check("seen", "stored copy"), ["note"] = "test",
        },
        new JObject
        {
            ["id"] = "sec-three", ["branches"] = AllBranches(), ["title_fr"] = "Section trois", ["title_en"] = "Section three",
            ["url"] = "https://example.com/three?lang=fr", ["url_en"] = "https://example.com/three?lang=en",
            ["url_check"] = Check("seen", "stored copy"), ["url_en_check"] = Check("seen", "stored copy"),
        });

    // Every test flow links every section (fix-a → sec-three, fix-b → sec-one and sec-two).
    private static JArray AllBranches() => new(Groups.Values.SelectMany(b => b));

    public static JObject Check(string status, string from) => new() { ["status"] = status, ["from"] = from };

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ShopAdsBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("ShopAdsBot.sln not found above " + AppContext.BaseDirectory);
    }
}
