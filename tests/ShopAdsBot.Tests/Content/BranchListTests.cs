using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;
using ShopAdsBot.Recognition;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Content;

/// <summary>
/// The branch list comes from dialogs/ alone: the flow files are the branches, the menu orders them, the validator
/// refuses any disagreement, and the recognizer's labels must name them. A branch is added with content only.
/// </summary>
public sealed class BranchListTests : IDisposable
{
    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    [Fact]
    public void TheRealBranchesAreTheFlowFilesInTheOrderOfTheMenu()
    {
        var root = TestContent.RepoRoot;
        var menu = JObject.Parse(File.ReadAllText(Path.Combine(root, "dialogs", "main-menu.json")));
        var menuOrder = menu["groups"]!.SelectMany(g => g["branches"]!.Select(b => (string)b!)).ToList();
        var flowFiles = Directory.GetFiles(Path.Combine(root, "dialogs"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).Where(name => name != "main-menu").ToList();

        var catalog = ContentCatalog.Load(root);

        Assert.Equal(menuOrder, catalog.BranchIds);
        Assert.Equal(flowFiles.Order(StringComparer.Ordinal), catalog.BranchIds.Order(StringComparer.Ordinal));
        Assert.Contains(ContentCatalog.SupportBranchId, catalog.BranchIds);
    }

    [Fact]
    public void TheMenuOrdersTheBranches()
    {
        Assert.Equal(TestContent.Groups.Values.SelectMany(b => b), content.Load().BranchIds);

        content.EditMenu(m =>
        {
            var access = (JArray)m["groups"]![1]!["branches"]!;
            var reversed = access.Reverse().ToList();
            access.ReplaceAll(reversed);
        });

        Assert.Equal(
            ["connect-shop", "create-ad", "shop-not-ready", "account-management", "ads-manager-not-connected", "bc-access-required",
             "bc-admin-permission", "ads-tab-missing", "ad-rejected", "underperforming", "support-contact"],
            content.Load().BranchIds);
    }

    [Fact]
    public void AFlowRemovedFromTheMenuIsRefused()
    {
        content.EditMenu(m => ((JArray)m["groups"]![1]!["branches"]!).Remove(((JArray)m["groups"]![1]!["branches"]!).First(b => (string?)b == "bc-access-required")));

        var error = Assert.Throws<ContentException>(() => content.Load());
        Assert.Contains("dialogs/main-menu.json: branch 'bc-access-required' (dialogs/bc-access-required.json) is in no group: list it in one group's \"branches\" (its flow says \"group\": \"access\")", error.Message);
    }

    [Fact]
    public void AFlowFileAddedWithoutAMenuEntryIsRefused()
    {
        content.AddBranch("tiktok-pixel", "performance");
        content.EditMenu(m => ((JArray)m["groups"]![2]!["branches"]!).Last!.Remove());

        var error = Assert.Throws<ContentException>(() => content.Load());
        Assert.Contains("dialogs/main-menu.json: branch 'tiktok-pixel' (dialogs/tiktok-pixel.json) is in no group", error.Message);
    }

    [Fact]
    public void TheSupportBranchTheBotEscalatesToMustExist()
    {
        content.Delete($"dialogs/{ContentCatalog.SupportBranchId}.json");
        content.EditMenu(m => ((JArray)m["groups"]!).Last!.Remove());

        var error = Assert.Throws<ContentException>(() => content.Load());
        Assert.Contains($"dialogs/{ContentCatalog.SupportBranchId}.json: branch file is missing: a final « Non » escalates to this branch", error.Message);
    }

    [Theory]
    [InlineData("Pixel_TikTok", "file name 'Pixel_TikTok' must be kebab-case: it is the branch id")]
    [InlineData("menu", "'menu' is reserved (the menu's buttons)")]
    [InlineData("none", "'none' is reserved (the recognizer's out-of-scope label)")]
    public void ABranchIdMustBeUsableEverywhereItIsCarried(string id, string expected)
    {
        content.AddBranch(id, "performance");

        var error = Assert.Throws<ContentException>(() => content.Load());
        Assert.Contains($"dialogs/{id}.json: {expected}", error.Message);
    }

    [Fact]
    public void AnExampleLabelledWithNoBranchOfTheContentStopsTheLoadNamingTheLine()
    {
        content.CopyRoutingSeeds();
        var lines = File.ReadAllLines(Path.Combine(content.Root, "seeds", RoutingSeeds.ExamplesFile)).Length;
        content.AppendText($"seeds/{RoutingSeeds.ExamplesFile}", "tiktok-pixel\tfr\tle pixel TikTok ne remonte rien\n");

        var error = Assert.Throws<ContentException>(() => RecognizerSources.Load(content.Load()));

        Assert.StartsWith($"seeds/routing-examples.tsv:{lines + 1}: 'tiktok-pixel' is not a branch of dialogs/ nor 'none' (branches: connect-shop, create-ad,", error.Message);
    }

    [Fact]
    public void AKeyPhraseOfNoBranchOfTheContentStopsTheLoad()
    {
        content.CopyRoutingSeeds();
        var path = Path.Combine(content.Root, "seeds", RoutingSeeds.KeywordsFile);
        var keywords = JObject.Parse(File.ReadAllText(path));
        keywords["branches"]!["tiktok-pixel"] = new JObject { ["fr"] = new JArray("pixel TikTok") };
        File.WriteAllText(path, keywords.ToString());

        var error = Assert.Throws<ContentException>(() => RecognizerSources.Load(content.Load()));

        Assert.StartsWith("seeds/routing-keywords.json: branches: 'tiktok-pixel' is not a branch of dialogs/", error.Message);
    }

    /// <summary>A twelfth branch, added with content only: its flow, a menu entry, a few labelled examples.</summary>
    [Fact]
    public async Task ATwelfthBranchAddedAsContentIsListedLearnedOfferedAndRouted()
    {
        content.AddBranch("tiktok-pixel", "performance");
        content.CopyRoutingSeeds();
        content.AppendText($"seeds/{RoutingSeeds.ExamplesFile}", string.Join("\n",
            "tiktok-pixel\tfr\tcomment installer le pixel TikTok pour suivre mes Shop Ads",
            "tiktok-pixel\tfr\tle pixel TikTok ne remonte aucun événement dans Ads Manager",
            "tiktok-pixel\tfr\tpixel tiktok pas détecté, mes conversions ne s'affichent pas",
            "tiktok-pixel\tfr\toù trouver l'identifiant de mon pixel TikTok",
            "tiktok-pixel\ten\thow do I set up the TikTok pixel for my Shop Ads",
            "tiktok-pixel\ten\tmy TikTok pixel shows no events in Ads Manager",
            "tiktok-pixel\ten\tTikTok pixel not firing, conversions are missing",
            ""));

        var catalog = content.Load();
        Assert.Equal(12, catalog.BranchIds.Count);
        Assert.Equal("tiktok-pixel", catalog.BranchIds[10]); // the end of its menu group, before the "help" group
        var recognizer = RecognizerSources.Load(catalog).Build();
        Assert.Equal(catalog.BranchIds, recognizer.BranchIds);

        var client = new BotTestClient("fr-FR", services: BotTestClient.BuildServices(s => s.AddSingleton(catalog)));
        var welcome = (await client.ConversationStartAsync()).SingleCard();
        Assert.Equal(catalog.BranchIds, welcome.SubmitActions().Select(a => (string)a["data"]!["choice"]!));

        var replies = await client.SendTextAsync("mon pixel TikTok ne remonte aucune conversion");
        Assert.Equal(catalog.Menu.Text("routedTo", "fr", ("title", "Titre tiktok-pixel")), replies[0].Text);
        Assert.Equal("tiktok-pixel/ask", Conversation.Conversations.StampOf(replies.SingleCard()));
    }
}
